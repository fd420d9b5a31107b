//! The statistics against values computed independently of this crate, by other software:
//! scipy and mpmath for the p-values of keyness, NLTK for collocates counted per hit window
//! (each says how its values were produced).

use text_explorer::keyness::chi2_p;

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
