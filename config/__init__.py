"""Configuration: the YAML files people edit and the typed loader that validates them."""
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
