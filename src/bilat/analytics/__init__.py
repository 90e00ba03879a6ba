"""Analytics: pure functions from Ibis tables to Ibis expressions. They never connect or execute."""
