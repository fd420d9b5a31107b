//! The statistics against values computed independently of this crate, by other software:
//! scipy and mpmath for the p-values of keyness, NLTK for collocates counted per hit window
//! (each says how its values were produced). Native only: it reads files and runs Python.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

use text_explorer::keyness::chi2_p;
use text_explorer::{CollocateOptions, Corpus, Counting};

/// `(χ², scipy, mpmath)`: the p-value of a χ² statistic with one degree of freedom, from
///
/// ```python
/// # scipy 1.17.1, mpmath 1.3.0 (pip install --user scipy mpmath)
/// from scipy.stats import chi2
/// import mpmath; mpmath.mp.dps = 50
/// chi2.sf(x, 1)                                                       # scipy
/// float(mpmath.erfc(mpmath.sqrt(mpmath.mpf(x) / 2)))                 # mpmath, 50 digits
/// ```
///
/// mpmath works with 50 significant digits, so its value is the exact p of the double `x`,
/// rounded to the nearest double; scipy's is itself off by up to 3.6·10⁻¹⁴ relative here (at
/// 2.0 and 550.0).
const CHI2_P: [(f64, f64, f64); 15] = [
    (1e-06, 0.9992021155721779, 0.9992021155721779),
    (0.5, 0.47950012218695337, 0.4795001221869535),
    (1.0, 0.31731050786291115, 0.3173105078629141),
    (2.0, 0.15729920705028105, 0.15729920705028513),
    (3.841458820694124, 0.04999999999999989, 0.05000000000000006),
    (
        10.827566170662733,
        0.0010000000000000007,
        0.0009999999999999996,
    ),
    (20.0, 7.744216431044088e-06, 7.744216431044084e-06),
    (50.0, 1.537459794428033e-12, 1.537459794428035e-12),
    (100.0, 1.5239706048320995e-23, 1.523970604832105e-23),
    (200.0, 2.0884875837625688e-45, 2.088487583762545e-45),
    (300.0, 3.2943623833139784e-67, 3.294362383314041e-67),
    (400.0, 5.507248237212379e-89, 5.5072482372124675e-89),
    (500.0, 9.505397766554137e-111, 9.505397766554091e-111),
    (545.0, 1.5406438115616086e-120, 1.5406438115616348e-120),
    (550.0, 1.2588967850188056e-121, 1.2588967850188505e-121),
];

fn relative(got: f64, expected: f64) -> f64 {
    ((got - expected) / expected).abs()
}

#[test]
fn keyness_p_values_equal_scipy_and_mpmath_to_full_precision() {
    for (x, scipy, mpmath) in CHI2_P {
        let p = chi2_p(x);
        // Within two units in the last place of the exact value.
        assert!(
            relative(p, mpmath) < 5e-16,
            "χ² {x}: {p:e} against mpmath {mpmath:e} ({:e} relative)",
            relative(p, mpmath)
        );
        // And as close to scipy as scipy is to the exact value.
        assert!(
            relative(p, scipy) < 5e-14,
            "χ² {x}: {p:e} against scipy {scipy:e} ({:e} relative)",
            relative(p, scipy)
        );
    }
    assert_eq!(chi2_p(0.0), 1.0);
    assert_eq!(chi2_p(-1.0), 1.0);
    // Past about χ² 1,480 the p-value is below the smallest double.
    assert_eq!(chi2_p(1e6), 0.0);
}

/// NLTK's values: `tests/fixtures/nltk/collocates.json`, written by the script beside it.
const NLTK_FIXTURE: &str = "tests/fixtures/nltk/collocates.json";

/// The fixture, checked against the script's output when Python has NLTK: the committed
/// values cannot drift from what NLTK computes without this test saying so.
fn nltk_fixture() -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join(NLTK_FIXTURE)).unwrap()).unwrap();
    let out = Command::new("python3")
        .arg(root.join("tests/fixtures/nltk/collocates.py"))
        .output();
    let no_nltk = |out: &std::process::Output| {
        !out.status.success() && String::from_utf8_lossy(&out.stderr).contains("No module named")
    };
    let out = match out {
        Ok(out) if !no_nltk(&out) => out,
        _ => {
            eprintln!(
                "python3 with nltk is not available: using the committed {NLTK_FIXTURE} \
                 (NLTK {}) unchecked",
                committed["nltk"]
            );
            return committed;
        }
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fresh: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Versions aside, the values must be the same.
    let values = |v: &serde_json::Value| {
        let mut v = v.clone();
        v.as_object_mut()
            .unwrap()
            .retain(|k, _| k != "nltk" && k != "python");
        v
    };
    assert!(
        values(&fresh) == values(&committed),
        "NLTK {} now gives other values than the committed {NLTK_FIXTURE} (NLTK {}): \
         regenerate it with python3 tests/fixtures/nltk/collocates.py > {NLTK_FIXTURE}",
        fresh["nltk"],
        committed["nltk"]
    );
    fresh
}

/// Collocates counted per hit window equal NLTK's `BigramCollocationFinder.from_words(tokens,
/// window_size=k)` scored with `BigramAssocMeasures`, on the same 1,602 tokens (the two
/// articles), for k = 2 and 5: right of the node (`left: 0, right: k − 1`, the node as
/// NLTK's first word) and left of it (`left: k − 1, right: 0`, the node second). With
/// `s = k − 1`: NLTK's pair count is `observed`, `pmi` is MI, `likelihood_ratio` is |G²|,
/// `student_t` is t-score / √s, `dice` is 2^(logDice − 14) / s.
#[test]
fn per_hit_collocates_equal_nltk() {
    let fixture = nltk_fixture();
    assert!(fixture["nltk"].as_str().is_some_and(|v| !v.is_empty()));
    let tokens: Vec<&str> = fixture["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    let mut corpus = Corpus::new();
    corpus.add_document("nltk", &tokens.join(" ")).unwrap();
    // The same tokens: NLTK's list is exactly the engine's tokenisation of that text.
    let doc = &corpus.documents()[0];
    let ours: Vec<&str> = (0..doc.token_count())
        .map(|i| &doc.text()[doc.span(i).0..doc.span(i).1])
        .collect();
    assert_eq!(ours, tokens);
    let mut worst = [0f64; 4];
    let mut compared = 0;
    for window in fixture["windows"].as_array().unwrap() {
        let k = window["windowSize"].as_u64().unwrap() as usize;
        let node = window["node"].as_str().unwrap();
        let right = window["direction"] == "right";
        let options = CollocateOptions {
            left: if right { 0 } else { k - 1 },
            right: if right { k - 1 } else { 0 },
            counting: Counting::PerHit,
            min_count: 1,
            positive_only: false,
            ..Default::default()
        };
        let found = corpus.collocates(node, &options).unwrap();
        let rows = window["rows"].as_array().unwrap();
        let what = format!("{node}, window_size {k}, {}", window["direction"]);
        assert_eq!(found.rows.len(), rows.len(), "{what}: the collocates");
        let s = (k - 1) as f64;
        for row in rows {
            let term = row[0].as_str().unwrap();
            let ours = found.rows.iter().find(|r| r.term == term);
            let ours = ours.unwrap_or_else(|| panic!("{what}: {term} is missing"));
            assert_eq!(
                ours.observed as u64,
                row[1].as_u64().unwrap(),
                "{what}: {term}"
            );
            let pairs = [
                (ours.mi, row[2].as_f64().unwrap()),
                (ours.log_likelihood.abs(), row[3].as_f64().unwrap()),
                (ours.t_score / s.sqrt(), row[4].as_f64().unwrap()),
                ((ours.log_dice - 14.0).exp2() / s, row[5].as_f64().unwrap()),
            ];
            for (m, (got, nltk)) in pairs.into_iter().enumerate() {
                // Relative, but absolute near 0 (a G² of an almost independent pair is a
                // difference of nearly equal sums).
                let error = (got - nltk).abs() / nltk.abs().max(1.0);
                worst[m] = worst[m].max(error);
                assert!(
                    error < 1e-12,
                    "{what}: {term}, measure {m}: {got} against NLTK's {nltk}"
                );
            }
            compared += 1;
        }
    }
    assert!(compared > 900, "{compared} pairs compared");
    eprintln!("{compared} pairs; largest differences from NLTK (MI, G², t, Dice): {worst:?}");
}
