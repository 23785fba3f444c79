"""Data files milepost reads at run time: the journey map, question banks, templates."""
