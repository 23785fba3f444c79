"""Regenerate data/samples/juniper-health-checkin.ogg: a 30 s two-voice CS call for the demo.

Needs espeak-ng (`apt-get install espeak-ng`); the committed .ogg means nothing else does.
One voice per stereo channel, like a dialer export, so milepost splits speakers by channel.

    .venv/bin/python scripts/make_audio_sample.py data/samples/juniper-health-checkin.ogg
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import av
import numpy as np

from milepost.pipeline.audio import decode

VOICES = ["en-us+m3", "en-gb+f3"]  # channel 0: the CSM, channel 1: the customer
LINES = [
    (0, "Hi Jordan, thanks for joining. This is Maya from Brightline. How are things going?"),
    (
        1,
        "Pretty well. Our goal is still to cut onboarding time by thirty percent "
        "before the end of March.",
    ),
    (
        0,
        "Great, that is the goal we agreed on. I will send you the admin training guide by Friday.",
    ),
    (1, "Perfect. And I will set up the single sign on test with our security team next week."),
    (0, "Sounds good. Talk to you soon."),
]
SR = decode.SAMPLE_RATE


def speak(voice: str, text: str, folder: Path, n: int) -> np.ndarray:
    wav = folder / f"line{n}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", "150", "-w", str(wav), text], check=True)
    return decode.load(wav)[0] * 0.8


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        parts = [
            (who, speak(VOICES[who], text, Path(tmp), n)) for n, (who, text) in enumerate(LINES)
        ]
    gap = int(0.45 * SR)
    audio = np.zeros((2, sum(len(p) + gap for _, p in parts) + gap), np.float32)
    pos = gap
    for who, part in parts:
        audio[who, pos : pos + len(part)] = part
        pos += len(part) + gap
    with av.open(str(out), "w") as f:
        stream = f.add_stream("libopus", rate=SR, layout="stereo")
        stream.bit_rate = 32000
        frame = av.AudioFrame.from_ndarray(audio, format="fltp", layout="stereo")
        frame.sample_rate = SR
        for packet in stream.encode(frame):
            f.mux(packet)
        for packet in stream.encode(None):
            f.mux(packet)
    print(f"{out}: {audio.shape[1] / SR:.1f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
