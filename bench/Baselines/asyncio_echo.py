#!/usr/bin/env python3
"""Baseline for bench/compare.sh: a plain asyncio TCP echo server.

Usage: asyncio_echo.py --port N [--host 127.0.0.1]
Prints "LISTENING port=N" once bound, runs until SIGTERM or Ctrl+C.
Uses the stock event loop and streams API, as a typical asyncio service would; the listen
backlog is raised from asyncio's default of 100 so a connection burst measures the server,
not SYN retransmit timers.
"""
import argparse
import asyncio
import signal
import sys


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except (ConnectionResetError, BrokenPipeError):
        pass
    finally:
        writer.close()


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True, help="TCP port (0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1)")
    args = parser.parse_args()

    server = await asyncio.start_server(handle, args.host, args.port, backlog=4096)
    port = server.sockets[0].getsockname()[1]
    print(f"LISTENING port={port}", flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
