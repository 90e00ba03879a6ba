"""bilat: monitor trade and cooperation between two countries, from official statistics."""

__version__ = "0.1.0"
