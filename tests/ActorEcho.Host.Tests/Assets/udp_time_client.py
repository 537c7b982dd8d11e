# The UDP client of the socket tutorials in shared/seeds (002's clientFunc, talking to 001's
# "UDP时间服务器", which answers b'time' with time.ctime()), unchanged except that the port comes
# from the command line instead of being hard-coded.
import socket
import sys

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8888


def clientFunc():
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    text = "time"
    data = text.encode()
    sock.sendto(data, ("127.0.0.1", PORT))
    data, addr = sock.recvfrom(1024)
    data = data.decode()
    print(data)


if __name__ == '__main__':
    clientFunc()
