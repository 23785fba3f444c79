"""CLI commands for the audio area; registered on the main group by cli.py."""

from __future__ import annotations

from pathlib import Path

import click

FORMATS = ("vtt", "srt", "txt", "json")  # pipeline.formats.writers.WRITERS, without importing it


def register(group: click.Group) -> None:
    """Add this area's commands to the main group."""
    group.add_command(transcribe)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="vtt",
    show_default=True,
    help="Transcript format to write.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File to write (one recording) or folder (several; default: beside each recording).",
)
@click.option("--model", metavar="NAME|PATH", help="Whisper model name or CTranslate2 folder.")
@click.option("--speakers", type=click.IntRange(1, 20), help="Number of speakers, when known.")
@click.pass_context
def transcribe(
    ctx: click.Context,
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    model: str | None,
    speakers: int | None,
) -> None:
    """Transcribe recordings locally into vtt, srt, txt or json with speakers and times."""
    from milepost.pipeline.audio.export import transcript_text, write_transcript
    from milepost.pipeline.errors import InputError

    if len(paths) == 1 and not (output and output.is_dir()):
        text = transcript_text(paths[0], fmt, model=model, speakers=speakers)
        if output is None:
            click.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
        return
    failed = 0
    for path in paths:
        try:
            dest = write_transcript(path, fmt, output, model=model, speakers=speakers)
        except InputError as exc:  # one bad file must not stop the batch
            click.echo(f"Error: {exc}", err=True)
            failed += 1
        else:
            click.echo(str(dest))
    if failed:
        ctx.exit(1)
