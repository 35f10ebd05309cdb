"""Reads a movie the way py-pde's MovieStorage does (pde/storage/movie.py): ffprobe's JSON, the
comment tag through shlex.split and json.loads, the frame count from nb_frames or DURATION * fps,
and every frame decoded by ffmpeg to raw values that are divided by the format's max value and
mapped back onto [vmin, vmax]. Prints one JSON object: the metadata and the decoded frames.

usage: read_as_pypde.py FFPROBE FFMPEG MOVIE
"""
import json
import shlex
import subprocess
import sys
from fractions import Fraction

import numpy as np

# py-pde's formats: name -> (pixel format piped out, channels, dtype, max value)
FORMATS = {
    "gray": ("gray", 1, np.uint8, 255),
    "gray16le": ("gray16le", 1, np.dtype("<u2"), 65535),
}


def duration_seconds(text):
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def main(ffprobe, ffmpeg, path):
    info = json.loads(subprocess.run([ffprobe, "-v", "error", "-of", "json", "-show_format", "-show_streams", path],
                                     check=True, capture_output=True).stdout)
    tags = info["format"].get("tags", {})
    raw_comment = tags.get("comment", tags.get("COMMENT", "{}"))
    metadata = json.loads(shlex.split(raw_comment)[0])
    stream = info["streams"][0]
    try:
        num_frames = int(stream["nb_frames"])
    except KeyError:
        fps = Fraction(stream.get("avg_frame_rate", None))
        num_frames = int(duration_seconds(stream.get("tags", {}).get("DURATION")) * float(fps))
    width, height = stream["width"], stream["height"]
    pix_fmt, channels, dtype, max_value = FORMATS[metadata["video_format"]]
    vmin, vmax = float(metadata["vmin"]), float(metadata["vmax"])
    out = subprocess.run([ffmpeg, "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", pix_fmt, "pipe:"],
                         check=True, capture_output=True).stdout
    frames = np.frombuffer(out, dtype).reshape((-1, width, height, channels))
    values = vmin + frames[..., 0] / max_value * (vmax - vmin)
    print(json.dumps({"version": metadata["version"], "num_frames": num_frames, "video_format": metadata["video_format"],
                      "vmin": vmin, "vmax": vmax, "dt": metadata.get("dt"), "t_start": metadata.get("t_start"),
                      "field_class": json.loads(metadata["field_attributes"]["class"]),
                      "grid": json.loads(metadata["field_attributes"]["grid"]),
                      "width": width, "height": height, "frames": values.tolist()}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
