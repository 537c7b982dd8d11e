# The TCP test client of the socket tutorial in shared/seeds (001, "案例3：客户端连接测试"), unchanged
# except that the port comes from the command line instead of being hard-coded to 8888.
import socket
import sys

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 8888

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect(('127.0.0.1', PORT))
    s.send(b'Hello Server!')
    print("收到回复:", s.recv(1024).decode())
