namespace ActorEcho.Hocon.Tests.Differential;

/// <summary>
/// Documents both implementations must agree on: one or more per feature of the spec, plus
/// documents both must reject. Names become test case names.
/// </summary>
public static class DifferentialCorpus
{
    public static IReadOnlyList<DifferentialDocument> All { get; } =
    [
        new("comments", """
            # hash comment
            a = 1 // slash comment
            // whole line
            b = "x # not a comment" # trailing
            c = "y // not a comment"
            """),
        new("json-document", """
            { "name": "echo", "port": 7, "ratio": 0.25, "big": 12345678901234, "neg": -3, "exp": 1.5e3,
              "on": true, "off": false, "nothing": null, "list": [1, "two", [3], {"four": 4}],
              "nested": { "deep": { "deeper": {} } }, "escaped": "tab\tquote\"slash\/backslash\\u\u00e9" }
            """),
        new("json-empty-object", "{}"),
        new("empty-document", ""),
        new("unquoted-strings", """
            a = hello
            b = hello world  again
            c = some.dotted.value
            d = /usr/local/bin
            """),
        new("unquoted-forbidden-char-rejected", "a = hello!"),
        new("quoted-escapes", """
            a = "line\nbreak"
            b = "\u0041\u00df\u4e2d"
            c = "\b\f\r\t\\\/\""
            """),
        new("triple-quoted", "a = \"\"\"multi\nline \"quoted\" \\n raw\"\"\"\nb = \"\"\"x\"\"\"\"\n"),
        new("separators", """
            a = 1
            b : 2
            c { x = 3 }
            d = { y = 4 }
            e : { z = 5 }
            """),
        new("commas-and-newlines", """
            a = 1, b = 2,
            c = [1, 2, 3,]
            d = [
              1
              2,
              3
            ]
            e { x = 1, y = 2, }
            """),
        new("double-comma-rejected", "a = [1,,2]"),
        new("dotted-keys", """
            a.b.c = 1
            a.b.d = 2
            a { b { e = 3 } }
            x.y = { z = 1 }
            """),
        new("quoted-keys", """
            "a.b" = 1
            a."b.c".d = 2
            "" = empty
            "with space" = 3
            """),
        new("key-whitespace", """
            foo bar = 1
            foo  baz : 2
            "quoted" rest = 3
            """),
        new("number-keys", """
            3.14 = pi
            10 = ten
            """),
        new("duplicate-objects-merge", """
            a { x = 1, y = 2 }
            a { y = 3, z = 4 }
            a.w = 5
            """),
        new("duplicate-last-wins", """
            a = 1
            a = 2
            b = [1]
            b = [2]
            """),
        new("object-replaces-non-object", """
            a = 1
            a { x = 1 }
            b { x = 1 }
            b = 2
            c { x = 1 }
            c = null
            c { y = 2 }
            """),
        new("arrays", """
            a = []
            b = [1, [2, [3]], {x = 4}, "five", null, true]
            """),
        new("string-concatenation", """
            a = foo bar
            b = "foo" bar " baz "
            c = 10 seconds
            d = true false
            e = 1 2 3
            """),
        new("array-concatenation", """
            a = [1, 2] [3]
            base = [1]
            b = ${base} [2] ${base}
            """),
        new("object-concatenation", """
            base { x = 1 }
            a = ${base} { y = 2 }
            b = { p = 1 } { q = 2 }
            """),
        new("plus-equals", """
            a = [1]
            a += 2
            a += [3]
            b += x
            c { d += 1, d += 2 }
            """),
        new("substitutions", """
            a = 1
            b = ${a}
            c { d = ${b}, e = ${c.d} }
            f = ${c}
            g = "x"${a}"y"
            h = ${a} ${a}
            """),
        new("substitution-forward-reference", """
            a = ${b.c}
            b { c = hello }
            """),
        new("substitution-object-self-path", """
            bar { foo = 42, baz = ${bar.foo} }
            """),
        new("optional-substitution-removes-field", """
            a = ${?does.not.exist}
            b = 1
            b = ${?does.not.exist}
            c = [1, ${?does.not.exist}, 2]
            """),
        new("optional-substitution-concat-whitespace", """
            a = ${?nope} foo
            b = foo ${?nope}
            c = ${?nope} 5
            d = "x" ${?nope} "y"
            e = ${?nope} [1]
            """),
        new("substitution-null", """
            n = null
            a = ${n}
            b = foo ${n} bar
            """),
        new("self-reference-string", """
            path = "a:b:c"
            path = ${path}":d"
            """),
        new("self-reference-array", """
            path = [a]
            path = ${path} [b]
            path = ${path} [c]
            """),
        new("self-reference-object", """
            a { x = 1 }
            a = ${a} { b = 1 }
            """),
        new("self-reference-nested", """
            a { x = 1 }
            a = ${a} { y = ${a.x} }
            """),
        new("self-reference-in-object-field", """
            a { b = 1 }
            a { b = ${a.b} 2 }
            """),
        new("self-reference-chain", """
            x = 1
            x = ${x}"2"
            x = ${x}"3"
            y = ${x}
            """),
        new("self-reference-optional-nothing-below", "a = ${?a} [1]"),
        new("self-reference-overridden-later", """
            a = 1
            a = ${a} 2
            a = 3
            """),
        new("cycle-rejected", """
            a = ${b}
            b = ${a}
            """),
        new("optional-cycle-is-undefined", """
            a = ${?b}
            b = ${?a}
            c = 1
            x { p = ${?x.q}, q = ${?x.p} }
            bar { foo = 42, baz = ${?bar} }
            three = ${?four}
            four = ${?five}
            five = ${?three}
            """),
        new("optional-cycle-keeps-what-resolved", """
            s = ${?t}x
            t = ${?s}y
            l = [${?m}]
            m = [${?l}]
            w = ${?u} ${?v}
            u = ${?w}
            v = ${?w}
            """),
        new("cycle-through-field-with-defaults-sees-below", """
            a = 1
            a = ${?b}
            b = ${?a}
            m { x = 1 }
            m = ${?n} { y = 2 }
            n = ${?m}
            q = ${?r}
            r = 2
            r = ${?q}
            f = 3
            f = ${g}
            g = ${f}
            h = 4
            h = ${i}x
            i = ${h}
            """),
        new("optional-cycle-through-required-rejected", """
            a = ${?b}
            b = ${a}
            """),
        new("cycle-through-object-rejected", "bar { foo = 42, baz = ${bar} }"),
        new("missing-substitution-rejected", "a = ${does.not.exist.anywhere}"),
        new("substitution-in-key-rejected", "${a} = 1"),
        new("merge-waits-for-substitution", """
            base { x = 1 }
            a = ${base}
            a { y = 2 }
            """),
        new("null-hides-below", """
            a { x = 1 }
            a = null
            a { y = 2 }
            """),
        new("include-plain", """
            include "inc.conf"
            b = 2
            a.y = 3
            """, new Dictionary<string, string> { ["inc.conf"] = "a { x = 1 }\nb = 1\n" }),
        // Lightbend 1.3.1 reads file("relative") against the working directory, ours against the
        // including file (as the issue asks), so these name files by absolute path ($DIR$).
        new("include-file-and-required", """
            include file("$DIR$/one.conf")
            include required(file("$DIR$/two.conf"))
            include required("three.conf")
            """, new Dictionary<string, string> { ["one.conf"] = "one = 1", ["two.conf"] = "two = 2", ["three.conf"] = "three = 3" }),
        new("include-missing-ignored", """
            include "not-there.conf"
            a = 1
            """),
        new("include-required-missing-rejected", """include required(file("not-there.conf"))"""),
        new("include-nested-substitution-fixup", """
            a { include "foo.conf" }
            a { x = 42 }
            """, new Dictionary<string, string> { ["foo.conf"] = "x = 10\ny = ${x}\n" }),
        new("include-substitution-falls-back-to-root", """
            base = 5
            name = root
            deep { base = 7 }
            nothing = null
            a { name = inner, include "sub.conf" }
            b.c { include "sub.conf" }
            """, new Dictionary<string, string>
        {
            ["sub.conf"] = "from-root = ${base}\nnested = ${deep.base}\nname-seen = ${name}\nnull-seen = ${nothing}\nmaybe = ${?not.anywhere}\nenv-seen = ${?ACTORECHO_DIFF_VISIBLE}\n",
        })
        {
            Environment = new Dictionary<string, string> { ["ACTORECHO_DIFF_VISIBLE"] = "seen" },
        },
        new("include-substitution-existing-field-blocks-fallback", """
            x = 5
            a { include "sub.conf" }
            """, new Dictionary<string, string> { ["sub.conf"] = "x = ${?nope}\ny = ${?x}\n" }),
        new("include-substitution-existing-field-blocks-fallback-rejected", """
            x = 5
            a { include "sub.conf" }
            """, new Dictionary<string, string> { ["sub.conf"] = "x = ${?nope}\ny = ${x}\n" }),
        new("include-substitution-follows-references", """
            base { v = 1 }
            r { v = 2 }
            a { include "object.conf" }
            b { include "nothing.conf" }
            """, new Dictionary<string, string> { ["object.conf"] = "r = ${base}\ny = ${r.v}\n", ["nothing.conf"] = "r = ${?r}\ny = ${r.v}\n" }),
        new("include-relative-to-including-file", """
            include "sub/first.conf"
            """, new Dictionary<string, string> { ["sub/first.conf"] = "include \"second.conf\"\nfirst = 1", ["sub/second.conf"] = "second = 2" }),
        new("include-name-on-a-later-line", """
            include
              "one.conf"
            a {
              include
                # the name may follow comments and blank lines

                required(
                  file(
                    "$DIR$/two.conf"
                  )
                )
            }
            b = 3
            """, new Dictionary<string, string> { ["one.conf"] = "one = 1", ["two.conf"] = "two = 2" }),
        new("include-keyword-then-key-rejected", "include\nfoo = 1"),
        new("include-as-value-is-string", """
            a = include
            b = [include]
            foo include = 1
            """),
        new("numbers", """
            i = 42
            neg = -7
            l = 9223372036854775807
            d = 3.25
            e1 = 1e3
            e2 = 2.5E-2
            e3 = 1e+5
            lead = 007
            notnum = 1.2.3
            dash = -
            """),
        new("booleans-and-null", """
            t = true
            f = false
            n = null
            y = yes
            on = on
            """),
        new("durations-and-sizes-stay-strings", """
            a = 10s
            b = 500 ms
            c = 512K
            d = 1.5 GiB
            e = 100
            """),
        new("unclosed-object-rejected", "a { b = 1"),
        new("unclosed-array-rejected", "a = [1, 2"),
        new("unclosed-string-rejected", "a = \"abc"),
        new("bad-escape-rejected", """a = "\q" """),
        new("missing-value-rejected", "a = "),
        new("missing-separator-rejected", "a b c"),
        new("root-array-rejected", "[1, 2]"),
        new("unbalanced-close-rejected", "a = 1 }"),
        new("colon-in-value-rejected", "a = x:y"),
        new("environment-fallback", """
            home = ${?HOME}
            path = ${?HOME}"/conf"
            unset = ${?ACTORECHO_SURELY_NOT_SET_VARIABLE}
            """),
        new("environment-set-to-empty-string", """
            required = ${ACTORECHO_DIFF_EMPTY}
            optional = ${?ACTORECHO_DIFF_EMPTY}
            hook = default
            hook = ${?ACTORECHO_DIFF_EMPTY}
            joined = x${?ACTORECHO_DIFF_EMPTY}y
            """)
        {
            Environment = new Dictionary<string, string> { ["ACTORECHO_DIFF_EMPTY"] = string.Empty },
        },
        new("environment-hidden-by-field-resolving-to-nothing", """
            ACTORECHO_DIFF_SET = ${?not.anywhere}
            hidden = ${?ACTORECHO_DIFF_SET}
            visible = ${?ACTORECHO_DIFF_VISIBLE}
            """)
        {
            Environment = new Dictionary<string, string> { ["ACTORECHO_DIFF_SET"] = "from-env", ["ACTORECHO_DIFF_VISIBLE"] = "seen" },
        },
        new("crlf-line-endings", "a = 1\r\nb = hello world\r\nc {\r\n  d = [1,\r\n 2]\r\n}\r\n"),
        new("byte-order-mark", "\uFEFFa = 1\nb = 2"),
        new("unicode-keys-and-values", """
            größe = 10
            "ключ" = значение
            emoji = "😀"
            """),
        new("whitespace-around-values", "a =    padded   \nb : \t tabbed\t\nc = [  1  ,  2  ]"),
        new("nested-arrays-of-objects", """
            servers = [
              { host = a, ports = [1, 2] }
              { host = b, ports = [3] }
            ]
            first = ${servers}
            """),
        new("substitution-into-array-element", """
            port = 80
            list = [${port}, "${port}", x${port}]
            """),
        new("substitution-quoted-path", """
            "a.b" { c = 1 }
            x = ${"a.b".c}
            """),
        new("substitution-of-merged-object", """
            a { x = 1 }
            a { y = 2 }
            b = ${a}
            b { z = 3 }
            """),
        new("plus-equals-in-nested-objects", """
            x { list = [a] }
            x { list += b }
            x.list += c
            """),
        new("concatenation-numbers-booleans", """
            a = 1 2
            b = true 1.5
            c = ${a} ${b}
            """),
        new("object-in-array-concatenation", """
            a = [{ x = 1 }] [{ y = 2 }]
            """),
        new("deep-merge", """
            a.b.c.d.e = 1
            a { b { c { d { f = 2 } } } }
            a.b.c = { g = 3 }
            """),
        new("self-reference-in-fallback-chain", """
            a = [1]
            a = ${a} [2]
            b { list = ${a} }
            b { list = ${b.list} [3] }
            """),
        new("optional-self-reference-string", """
            greeting = ${?greeting}hello
            """),
        new("double-comma-in-object-rejected", "a { x = 1,, }"),
        new("empty-key-path-rejected", "a. = 1"),
        new("plus-without-equals-rejected", "a + 1"),
        new("include-needs-quoted-rejected", "include foo.conf"),
        new("comma-after-newline", """
            a = 1
            , b = 2
            list = [1
            , 2]
            """),
        new("separator-on-next-line", """
            foo  bar
              : 2
            baz
            { x = 1 }
            """),
        new("key-whitespace-after-dot", "a. b = 1\nc .d = 2"),
        new("number-forms", """
            a = 1.
            b = 1.e2
            c = 9223372 036854775807
            d = 007 cats
            """),
        new("implied-separator-single-object-rejected", "a.b {} {}"),
        new("literal-object-string-mix-rejected", """
            x = { z = 1b { e = 3 } }
            x = { z = 1 }
            """),
        new("akka-style", """
            akka {
              loglevel = "INFO"
              actor {
                provider = "local"
                default-dispatcher {
                  throughput = 5
                  fork-join-executor { parallelism-min = 2, parallelism-factor = 2.0, parallelism-max = 10 }
                }
                deployment {
                  "/user/echo" { router = round-robin-pool, nr-of-instances = 4 }
                }
              }
            }
            akka.actor.default-dispatcher.throughput = 10
            akka.loggers = ["console", ${akka.loglevel}]
            """),
    ];
}
