// Placeholder until the data sources land.
