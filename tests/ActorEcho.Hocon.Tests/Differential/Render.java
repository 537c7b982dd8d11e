// Renders HOCON files with Lightbend's reference implementation for the differential tests.
// One JVM renders every file named on the command line, because JVM start-up is slow.
// Output per file: "### <path>" then one line, either the resolved concise JSON or "!!! <error>".
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.io.File;

public class Render {
    public static void main(String[] args) {
        for (String path : args) {
            System.out.println("### " + path);
            try {
                String json = ConfigFactory.parseFile(new File(path)).resolve().root().render(ConfigRenderOptions.concise());
                System.out.println(json.replace("\n", "\\n"));
            } catch (Exception e) {
                System.out.println("!!! " + String.valueOf(e.getMessage()).replace("\n", " "));
            }
        }
    }
}
