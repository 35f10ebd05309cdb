/**
 * Labelled data: the {@link dev.sweep.data.Dataset} (start here), its {@link dev.sweep.data.Variable}s,
 * the {@link dev.sweep.data.Index} of labels along each dimension, merging, and xarray's everyday
 * operations on them.
 *
 * <p>Data flows: parameter space ({@code dev.sweep.space}) -> runs ({@code dev.sweep.run}) -> labelled
 * data (this package) -> storage ({@code sweep-io}). This package knows no file format.
 *
 * <p>Nulls: no method accepts or returns null, except that a missing string value reads as null, and
 * {@link dev.sweep.data.DType}'s lookups ({@code of}, {@code common}, {@code nd4j}) return null where
 * there is no such type. Missing numbers are NaN; integer and boolean variables have no missing value.
 *
 * <p>Complex numbers: {@link dev.sweep.data.DType#COMPLEX128} and {@code COMPLEX64}, whose elements
 * are commons-math3's immutable {@link org.apache.commons.math3.complex.Complex} (a run returns one,
 * or an array of them for a vector output: complex128, or complex64 where the runner declares it with
 * {@code Runner.Builder.type}); missing is NaN+NaNj. ND4J has no complex type, so a
 * complex variable's {@link dev.sweep.data.Variable#array()} holds the real and imaginary parts side by
 * side along a last axis of 2 (NumPy's memory layout); {@link dev.sweep.data.Variable#real()},
 * {@code imag()} and {@code abs()} give float64 variables. Merges promote real to complex; reductions
 * {@code sum, mean, prod, count, min, max} follow NumPy (min and max order by real part, then
 * imaginary part); {@code std, var, median}, {@code idxmin, idxmax} and the element-wise arithmetic
 * refuse complex variables, saying to take their parts. Labels cannot be complex.
 *
 * <h2>Operations</h2>
 *
 * Each returns a new dataset, with xarray's semantics where xarray has them:
 * <ul>
 *   <li>Reductions over some dimensions or all: {@code sum, mean, min, max, std, var, median, count,
 *       prod}, {@code idxmin, idxmax}; options in {@link dev.sweep.data.Reduce} ({@code skipna},
 *       {@code ddof}, {@code minCount}, {@code keepAttrs}).
 *   <li>Selection: {@code sel} by labels, {@link dev.sweep.data.Slice} ranges (both ends included) and
 *       {@link dev.sweep.data.Lookup#nearest(double)}; {@code isel} by positions and slices with steps;
 *       {@code where} (masking to missing); {@code dropMissing} (xarray's {@code dropna}, with
 *       {@link dev.sweep.data.Drop}); {@code dropSel}.
 *   <li>Reshaping: {@code rename, transpose, expandDims, squeeze, concat, dropVars, assignCoords}.
 *   <li>Arithmetic: {@code ds.get(name)} is a data variable or a dimension's labels as a variable;
 *       {@link dev.sweep.data.Variable#plus(dev.sweep.data.Variable) plus}, {@code minus}, {@code times},
 *       {@code div} (with a variable or a number), {@code map} and {@code combine} (any function),
 *       {@code test} (a bool condition for {@code where}), broadcasting by dimension name;
 *       {@code ds.with(name, d -> d.get("b_out").times(d.get("a")))} adds the result.
 * </ul>
 *
 * <p>Where sweep differs from xarray (2023.01), and why:
 * <ul>
 *   <li>A str variable that a numeric reduction ({@code sum, mean, std, var, median, prod}) would
 *       reduce is an error that lists the numeric variables; xarray drops it silently
 *       ({@code numeric_only}). A variable without any of the reduced dimensions is kept as it is, as
 *       xarray does, except that {@code count}, {@code std} and {@code var} reduce it over none of its
 *       values (1 or 0; 0 or NaN), again as xarray does.
 *   <li>Types follow NumPy: integer and bool sums and products are int64, means, medians, std and var
 *       float64; float32 stays float32 (xarray gives float64 for some reductions over every dimension).
 *       {@code std} and {@code var} give NaN where {@code N - ddof} is not positive (NumPy gives inf
 *       without skipna).
 *   <li>A masked or missing cell turns an int or bool variable into float64 only where a cell is
 *       actually masked ({@code where}) or every value is missing ({@code idxmin}); xarray decides by
 *       type and promotes always. The same rule as {@link dev.sweep.data.Dataset#merge}.
 *   <li>There are no scalar coordinates: {@code squeeze} and {@code isel} with one position drop the
 *       dimension's label (xarray keeps it as a scalar coordinate).
 *   <li>Labels along a dimension stay distinct: {@code concat} refuses repeated labels, and nearest
 *       lookup refuses two targets that find the same label (xarray allows duplicates).
 *   <li>A label range on unsorted labels, or whose ends run against the labels' order, is an error
 *       (xarray selects by position or returns nothing). {@code dropSel} refuses to remove every label.
 *   <li>Arithmetic is float64 whatever the operands (NumPy keeps int + int an int and float32 a
 *       float32), and broadcasts by dimension name only: a {@code Variable} carries no labels, so
 *       operands from datasets with other labels are not aligned (xarray aligns them by label first;
 *       select or merge to align).
 *   <li>{@code concat} needs the same variables and the same other labels in every dataset (xarray's
 *       {@code join="exact"}); {@link dev.sweep.data.Dataset#merge} aligns differing labels. Reductions
 *       drop attributes by default, as xarray's {@code keep_attrs=False}.
 * </ul>
 */
package dev.sweep.data;
