"""milepost: turn customer calls into goals, next steps per side, stage and outcomes."""

__version__ = "0.1.0"
