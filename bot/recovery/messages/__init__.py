"""Everything we say: ids, Block Kit builders, the chart, and the text helpers they share."""
