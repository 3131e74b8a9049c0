//! Reading `/metrics` as Prometheus would: every line checked by a real
//! parser (prometheus-parse), values looked up by name and labels.

use prometheus_parse::{LineInfo, Sample, Scrape, Value};

/// Parses an OpenMetrics text exposition, asserting that each line is a
/// sample, a `# HELP`, `# TYPE` or `# UNIT` line, and that it ends with
/// `# EOF`: the parser skips what it cannot read, so a broken line would
/// otherwise go unnoticed.
pub fn parse(text: &str) -> Scrape {
    assert!(text.ends_with("# EOF\n"), "no # EOF at the end:\n{text}");
    for line in text.lines() {
        let known = match LineInfo::parse(line) {
            LineInfo::Sample { .. } | LineInfo::Doc { .. } | LineInfo::Type { .. } => true,
            LineInfo::Empty => false,
            LineInfo::Ignored => line.starts_with("# UNIT ") || line == "# EOF",
        };
        assert!(known, "not Prometheus text: {line:?}\n{text}");
    }
    let samples = text.lines().filter(|line| !line.starts_with('#')).count();
    let scrape = Scrape::parse(text.lines().map(|line| Ok(line.to_owned()))).expect("parses");
    let read: usize = scrape
        .samples
        .iter()
        .map(|sample| match &sample.value {
            // A histogram's buckets are one sample here, a line each there.
            Value::Histogram(buckets) => buckets.len(),
            _ => 1,
        })
        .sum();
    assert_eq!(read, samples, "the parser read every sample line");
    scrape
}

/// The value of `metric` with (at least) `labels`, summed over the samples
/// that match; 0 when none does (a counter not yet touched).
pub fn value(scrape: &Scrape, metric: &str, labels: &[(&str, &str)]) -> f64 {
    matching(scrape, metric, labels)
        .map(|sample| match sample.value {
            Value::Counter(v) | Value::Gauge(v) | Value::Untyped(v) => v,
            ref other => panic!("{metric} is not a number: {other:?}"),
        })
        .sum()
}

/// The samples of `metric` with (at least) `labels`.
pub fn matching<'a>(
    scrape: &'a Scrape,
    metric: &'a str,
    labels: &'a [(&'a str, &'a str)],
) -> impl Iterator<Item = &'a Sample> {
    scrape.samples.iter().filter(move |sample| {
        sample.metric == metric
            && labels
                .iter()
                .all(|(name, value)| sample.labels.get(name) == Some(*value))
    })
}

/// Every value of label `name` across the scrape.
pub fn label_values(scrape: &Scrape, name: &str) -> Vec<String> {
    let mut values: Vec<String> = scrape
        .samples
        .iter()
        .filter_map(|sample| sample.labels.get(name).map(str::to_owned))
        .collect();
    values.sort();
    values.dedup();
    values
}
