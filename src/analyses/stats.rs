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

/// `erfc(x)` for `x ≥ 0`, with a fractional error below 1.2·10⁻⁷ (the Chebyshev fit of
/// Numerical Recipes, 2nd ed., §6.2, `erfcc`).
fn erfc(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * x);
    let poly = [
        -1.265_512_23,
        1.000_023_68,
        0.374_091_96,
        0.096_784_18,
        -0.186_288_06,
        0.278_868_07,
        -1.135_203_98,
        1.488_515_87,
        -0.822_152_23,
        0.170_872_77,
    ];
    let sum = poly.iter().rev().fold(0.0, |acc, &c| acc * t + c);
    (t * (-x * x + sum).exp()).min(1.0)
}

/// The p-value of a χ² statistic with one degree of freedom.
pub fn chi2_p(statistic: f64) -> f64 {
    erfc((statistic.max(0.0) / 2.0).sqrt())
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
    fn g2_of_an_independent_table_is_zero() {
        assert!(g2(&[[10.0, 20.0], [30.0, 60.0]]).abs() < 1e-12);
    }
}
