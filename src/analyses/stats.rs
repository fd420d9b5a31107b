//! The statistics the analyses share: a base-2 logarithm, the log-likelihood ratio G² of a
//! 2×2 table (collocates, keyness) and the p-value of a χ² statistic (keyness).

/// `log2(x)` through `ln`, which the binary holds anyway: one logarithm routine instead of
/// two (the wasm has a size budget).
pub(crate) fn log2(x: f64) -> f64 {
    x.ln() * std::f64::consts::LOG2_E
}

/// The log-likelihood ratio statistic G² of a 2×2 table of observed counts:
/// `2 Σ Oᵢⱼ ln(Oᵢⱼ / Eᵢⱼ)`, `Eᵢⱼ = Rᵢ Cⱼ / N`, with `0 · ln 0 = 0` (Dunning 1993).
pub(crate) fn g2(o: &[[f64; 2]; 2]) -> f64 {
    let n = o[0][0] + o[0][1] + o[1][0] + o[1][1];
    let rows = [o[0][0] + o[0][1], o[1][0] + o[1][1]];
    let cols = [o[0][0] + o[1][0], o[0][1] + o[1][1]];
    let mut sum = 0.0;
    for i in 0..2 {
        for j in 0..2 {
            if o[i][j] > 0.0 {
                sum += o[i][j] * (o[i][j] * n / (rows[i] * cols[j])).ln();
            }
        }
    }
    // Rounding can leave a tiny negative for a table at independence.
    (2.0 * sum).max(0.0)
}

/// G² with the direction of the association: negative when the first cell is below its
/// expected value (`O₁₁ < R₁ C₁ / N`), as AntConc and LancsBox report it.
pub(crate) fn signed_g2(o: &[[f64; 2]; 2]) -> f64 {
    let n = o[0][0] + o[0][1] + o[1][0] + o[1][1];
    let expected = (o[0][0] + o[0][1]) * (o[0][0] + o[1][0]) / n;
    match o[0][0] < expected {
        true => -g2(o),
        false => g2(o),
    }
}

/// The p-value of a χ² statistic with one degree of freedom, `erfc(√(χ² / 2))`, to full
/// double precision: libm's `erfc` (the FreeBSD/musl routine, within 1 ulp).
pub fn chi2_p(statistic: f64) -> f64 {
    let half = statistic.max(0.0) / 2.0;
    let x = half.sqrt();
    let p = libm::erfc(x);
    if x == 0.0 || p == 0.0 {
        return p;
    }
    // The square root rounds by up to half an ulp, and erfc is steep (d ln erfc / d ln x is
    // about −2x², the statistic itself): at p ≈ 1e-120 that alone is 5e-14 relative. The
    // residual r = χ²/2 − x², exact, corrects it to first order:
    // erfc(x + r / 2x) ≈ erfc(x) − r e^(−x²) / (x √π).
    let (square, error) = exact_square(x);
    let r = (half - square) - error;
    p - r * (-half).exp() / (x * std::f64::consts::PI.sqrt())
}

/// `x²` as `hi + lo` exactly (Dekker 1971, "A floating-point technique for extending the
/// available precision": Veltkamp's split into halves of 26 bits, whose products are exact).
/// A software fused multiply-add would do the same with more code in the wasm. For
/// `0 ≤ x < 1e150`.
fn exact_square(x: f64) -> (f64, f64) {
    let hi = x * x;
    let c = 134_217_729.0 * x; // 2²⁷ + 1
    let high = c - (c - x);
    let low = x - high;
    (hi, ((high * high - hi) + 2.0 * high * low) + low * low)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chi2_p_matches_the_table_cut_offs() {
        // Critical values of χ² with one degree of freedom (any statistics table).
        for (stat, p) in [
            (3.841, 0.05),
            (6.635, 0.01),
            (10.828, 0.001),
            (15.137, 0.0001),
        ] {
            assert!(
                (chi2_p(stat) - p).abs() / p < 1e-3,
                "{stat}: {}",
                chi2_p(stat)
            );
        }
        assert_eq!(chi2_p(0.0), 1.0);
    }

    #[test]
    fn exact_square_holds_the_rounding_error() {
        // (1 + 2⁻³⁰)² = 1 + 2⁻²⁹ + 2⁻⁶⁰: the last term is below the ulp of 1.
        let x = 1.0 + 2f64.powi(-30);
        assert_eq!(exact_square(x), (1.0 + 2f64.powi(-29), 2f64.powi(-60)));
        assert_eq!(exact_square(3.0), (9.0, 0.0));
    }

    #[test]
    fn g2_of_an_independent_table_is_zero() {
        assert!(g2(&[[10.0, 20.0], [30.0, 60.0]]).abs() < 1e-12);
    }

    #[test]
    fn signed_g2_is_negative_below_expectation() {
        // E₁₁ = 10 · 20 / 100 = 2: one observed is below, five above; the size is the same
        // as the mirrored table's.
        let below = [[1.0, 9.0], [19.0, 71.0]];
        let above = [[5.0, 5.0], [15.0, 75.0]];
        assert!(signed_g2(&below) < 0.0 && signed_g2(&above) > 0.0);
        assert_eq!(signed_g2(&below), -g2(&below));
        assert_eq!(signed_g2(&above), g2(&above));
    }
}
