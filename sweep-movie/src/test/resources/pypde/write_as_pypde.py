"""Writes a movie the way py-pde's MovieStorage does (pde/storage/movie.py): a scalar field on an
8 x 5 Cartesian grid, values mapped by Normalize(vmin, vmax, clip=True), multiplied by the max value
and truncated by astype, piped as raw gray16le frames into ffmpeg (FFV1), the metadata JSON quoted
by shlex.quote into the comment tag, dt and t_start as py-pde's tracker stores them.

usage: write_as_pypde.py FFMPEG MOVIE
"""
import json
import shlex
import subprocess
import sys

import numpy as np

SHAPE = (8, 5)
VMIN, VMAX = -1.0, 2.0


def value(k, i, j):
    return -1.0 + 0.3 * k + 0.2 * i + 0.05 * j


def main(ffmpeg, path):
    grid = {"class": "CartesianGrid", "bounds": [[0.0, 8.0], [0.0, 5.0]], "shape": list(SHAPE),
            "periodic": [False, False]}
    info = {"field_attributes": {"class": json.dumps("ScalarField"), "grid": json.dumps(grid),
                                 "label": json.dumps("c"), "dtype": json.dumps("<f8")},
            "dt": 0.1, "t_start": 1.0, "model": "diffusion", "video_format": "gray16le",
            "version": 1, "vmin": VMIN, "vmax": VMAX, "write_times": False}
    width, height = SHAPE
    args = [ffmpeg, "-f", "rawvideo", "-s", f"{width}x{height}", "-pixel_format", "gray16le", "-loglevel", "warning",
            "-i", "pipe:", "-vcodec", "ffv1", "-pix_fmt", "gray16le",
            "-metadata", "comment=" + shlex.quote(json.dumps(info)), "-y", path]
    proc = subprocess.Popen(args, stdin=subprocess.PIPE)
    for k in range(4):
        data = np.array([[value(k, i, j) for j in range(height)] for i in range(width)])
        norm = np.clip((data - VMIN) / (VMAX - VMIN), 0, 1)
        frame = np.zeros((width, height, 1), dtype=np.dtype("<u2"))
        frame[..., 0] = (norm * 65535).astype(np.dtype("<u2"))
        proc.stdin.write(frame.tobytes())
    proc.stdin.close()
    if proc.wait() != 0:
        sys.exit("ffmpeg failed")
    print("ok")


if __name__ == "__main__":
    main(*sys.argv[1:3])
