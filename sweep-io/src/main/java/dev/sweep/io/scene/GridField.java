package dev.sweep.io.scene;

import dev.sweep.data.Index;
import dev.sweep.data.Variable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One field of a simulation frame on a grid, as PhiFlow stores it: the values over named dimensions,
 * each dimension's type (spatial, channel, batch, ...), the bounds of the box the grid covers (lower
 * and upper corner along the spatial dimensions), whether values sit at cell centres or on the faces
 * (staggered), and the extrapolation beyond the box (PhiFlow's {@code to_dict} form, e.g.
 * {@code {"type": "periodic"}}). {@link Scene#write} stores it as one NetCDF file per frame.
 *
 * <pre>{@code
 * GridField noise = GridField.builder(Variable.of("noise", List.of("x", "y"), values))  // a 64 x 32 grid
 *     .bounds(new double[] {0, 0}, new double[] {2, 1})
 *     .extrapolation("periodic")
 *     .build();
 * scene.write("noise", noise, 0);
 * }</pre>
 *
 * <p>Without a builder, {@link #centered} types a dimension named {@code vector} as a channel and every
 * other as spatial, bounds the box from 0 to the grid's size, and extrapolates with the constant 0
 * (PhiFlow's defaults). A {@code vector} dimension with one entry per spatial dimension is labelled by
 * their names, as PhiFlow labels vector components. Immutable; the values are held, not copied again.
 */
public final class GridField {

  /** Where the values of a grid sit. */
  public enum Type {
    /** At cell centres: PhiFlow's {@code CenteredGrid}. */
    CENTERED("CenteredGrid"),
    /**
     * On cell faces: PhiFlow's {@code StaggeredGrid}, stored as its staggered tensor (one more entry
     * along each spatial dimension, a {@code vector} dimension for the components).
     */
    STAGGERED("StaggeredGrid");

    private final String phiflowName;

    Type(String phiflowName) {
      this.phiflowName = phiflowName;
    }

    /** {@return PhiFlow's name of the field type, as stored in the {@code field_type} attribute} */
    public String phiflowName() {
      return phiflowName;
    }

    /**
     * {@return the type of a PhiFlow name}
     *
     * @param name {@code CenteredGrid} or {@code StaggeredGrid}
     * @throws IllegalArgumentException for another name
     */
    public static Type ofPhiflowName(String name) {
      for (Type t : values()) if (t.phiflowName.equals(name)) return t;
      throw new IllegalArgumentException("field type is '" + name + "'; expected CenteredGrid or StaggeredGrid");
    }
  }

  /** The type of a dimension, as PhiFlow types them. */
  public enum DimType {
    /** Independent members of a batch. */
    BATCH,
    /** A direction in space: the grid's axes. */
    SPATIAL,
    /** Components of a value, such as a vector's. */
    CHANNEL,
    /** Instances, such as particles. */
    INSTANCE,
    /** Dual dimensions, as of a matrix's columns. */
    DUAL;

    /** {@return PhiFlow's name of the type: {@code batch}, {@code spatial}, ...} */
    public String phiflowName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@return the type of a PhiFlow name}
     *
     * @param name {@code batch}, {@code spatial}, {@code channel}, {@code instance} or {@code dual}
     * @throws IllegalArgumentException for another name
     */
    public static DimType ofPhiflowName(String name) {
      for (DimType t : values()) if (t.phiflowName().equals(name)) return t;
      throw new IllegalArgumentException("dimension type is '" + name + "'; expected one of batch, spatial, channel,"
          + " instance, dual");
    }

    /** {@return the type a dimension gets when none is given: channel for {@code vector}, spatial otherwise} */
    static DimType defaultFor(String dim) {
      return dim.equals("vector") ? CHANNEL : SPATIAL;
    }
  }

  private final Variable values;
  private final Type type;
  private final Map<String, DimType> dimTypes;
  private final Map<String, Index> labels;
  private final double[] lower;
  private final double[] upper;
  private final Map<String, Object> extrapolation;

  private GridField(Builder b, Map<String, DimType> dimTypes, Map<String, Index> labels, double[] lower, double[] upper) {
    this.values = b.values;
    this.type = b.type;
    this.dimTypes = Collections.unmodifiableMap(dimTypes);
    this.labels = Collections.unmodifiableMap(labels);
    this.lower = lower;
    this.upper = upper;
    this.extrapolation = b.extrapolation;
  }

  /**
   * {@return a centred field with PhiFlow's defaults (see the class comment)}
   *
   * @param values the values over named dimensions; at least one is spatial
   * @throws IllegalArgumentException as {@link Builder#build()}
   */
  public static GridField centered(Variable values) {
    return builder(values).build();
  }

  /**
   * {@return a staggered field with PhiFlow's defaults: the box spans one less than the values along
   * each spatial dimension}
   *
   * @param values PhiFlow's staggered tensor: one more entry along each spatial dimension than the
   *     grid has cells, and a {@code vector} dimension with one component per spatial dimension
   * @throws IllegalArgumentException as {@link Builder#build()}
   */
  public static GridField staggered(Variable values) {
    return builder(values).type(Type.STAGGERED).build();
  }

  /**
   * {@return a builder for a field of these values, centred by default}
   *
   * @param values the values over named dimensions; the variable's own name is not used (the field
   *     is named when written)
   */
  public static Builder builder(Variable values) {
    return new Builder(Objects.requireNonNull(values, "values"));
  }

  /** {@return the values} */
  public Variable values() {
    return values;
  }

  /** {@return centred or staggered} */
  public Type type() {
    return type;
  }

  /** {@return the type of each dimension, in the values' dimension order; unmodifiable} */
  public Map<String, DimType> dimTypes() {
    return dimTypes;
  }

  /** {@return the spatial dimensions, in order: the axes that {@link #lower()} and {@link #upper()} follow} */
  public List<String> spatialDims() {
    List<String> out = new ArrayList<>();
    dimTypes.forEach((d, t) -> {
      if (t == DimType.SPATIAL) out.add(d);
    });
    return out;
  }

  /** {@return the labels of the dimensions that have them (PhiFlow's item names); unmodifiable} */
  public Map<String, Index> labels() {
    return labels;
  }

  /** {@return the lower corner of the box, one value per spatial dimension; a copy} */
  public double[] lower() {
    return lower.clone();
  }

  /** {@return the upper corner of the box, one value per spatial dimension; a copy} */
  public double[] upper() {
    return upper.clone();
  }

  /** {@return the extrapolation in PhiFlow's {@code to_dict} form, e.g. {@code {"type": "constant", "value": 0}}; unmodifiable} */
  public Map<String, Object> extrapolation() {
    return extrapolation;
  }

  /** {@return this field with the values at one position of a dimension, the dimension dropped} */
  GridField select(Map<String, Integer> positions) {
    if (positions.isEmpty()) return this;
    Variable sliced = Batching.select(values, positions);
    Builder b = new Builder(sliced).type(type);
    b.extrapolation = extrapolation;
    dimTypes.forEach((d, t) -> {
      if (!positions.containsKey(d)) b.dimTypes.put(d, t);
    });
    labels.forEach((d, ix) -> {
      if (!positions.containsKey(d)) b.labels.put(d, ix);
    });
    List<String> spatial = spatialDims();
    double[] lo = new double[lower.length];
    double[] up = new double[upper.length];
    int n = 0;
    for (int i = 0; i < spatial.size(); i++) {
      if (positions.containsKey(spatial.get(i))) continue; // a batch dimension left typed spatial has no axis any more
      lo[n] = lower[i];
      up[n++] = upper[i];
    }
    b.lower = Arrays.copyOf(lo, n);
    b.upper = Arrays.copyOf(up, n);
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GridField f && f.values.equals(values) && f.type == type && f.dimTypes.equals(dimTypes)
        && f.labels.equals(labels) && Arrays.equals(f.lower, lower) && Arrays.equals(f.upper, upper)
        && f.extrapolation.equals(extrapolation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, type, dimTypes, Arrays.hashCode(lower), Arrays.hashCode(upper));
  }

  @Override
  public String toString() {
    return type.phiflowName() + dimTypes + " " + Arrays.toString(values.shape()) + " " + values.type() + ", box "
        + Arrays.toString(lower) + " to " + Arrays.toString(upper) + ", extrapolation " + PythonJson.writeLine(extrapolation);
  }

  /** Builds a {@link GridField}; each setter checks its argument, {@link #build()} the whole. */
  public static final class Builder {
    private final Variable values;
    private Type type = Type.CENTERED;
    private final Map<String, DimType> dimTypes = new LinkedHashMap<>();
    private final Map<String, Index> labels = new LinkedHashMap<>();
    private double[] lower;
    private double[] upper;
    private Map<String, Object> extrapolation = constant(0);

    private Builder(Variable values) {
      this.values = values;
    }

    /**
     * Sets where the values sit.
     *
     * @param type centred (the default) or staggered
     * @return this builder
     */
    public Builder type(Type type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets the type of one dimension (by default {@code vector} is a channel, every other spatial).
     *
     * @param dim one of the values' dimensions
     * @param type its type
     * @return this builder
     * @throws IllegalArgumentException naming the dimensions, if the values have no such dimension
     */
    public Builder dimType(String dim, DimType type) {
      requireDim("dimType", dim);
      dimTypes.put(dim, Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * Labels a dimension (PhiFlow's item names), e.g. the components of {@code vector}.
     *
     * @param dim one of the values' dimensions
     * @param labels one label per position
     * @return this builder
     * @throws IllegalArgumentException if there is no such dimension or the number of labels differs from its size
     */
    public Builder labels(String dim, Index labels) {
      int at = requireDim("labels", dim);
      Objects.requireNonNull(labels, "labels");
      if (labels.size() != values.shape()[at]) {
        throw new IllegalArgumentException("labels for '" + dim + "' are " + labels + " (" + labels.size()
            + "); expected " + values.shape()[at] + ", the size of the dimension");
      }
      this.labels.put(dim, labels);
      return this;
    }

    /**
     * Sets the box the grid covers.
     *
     * @param lower the lower corner, one value per spatial dimension, in their order
     * @param upper the upper corner, likewise
     * @return this builder
     * @throws IllegalArgumentException if a value is not finite, or the two have different lengths
     */
    public Builder bounds(double[] lower, double[] upper) {
      Objects.requireNonNull(lower, "lower");
      Objects.requireNonNull(upper, "upper");
      if (lower.length != upper.length) {
        throw new IllegalArgumentException("bounds: lower " + Arrays.toString(lower) + " has " + lower.length
            + " values but upper " + Arrays.toString(upper) + " has " + upper.length + "; expected one per spatial dimension");
      }
      for (int i = 0; i < lower.length; i++) {
        if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
          throw new IllegalArgumentException("bounds: lower " + Arrays.toString(lower) + ", upper "
              + Arrays.toString(upper) + "; expected finite numbers");
        }
      }
      this.lower = lower.clone();
      this.upper = upper.clone();
      return this;
    }

    /**
     * Sets an extrapolation that PhiFlow names by its type alone: {@code periodic},
     * {@code zero-gradient}, {@code symmetric}, {@code reflect}, {@code symmetric-gradient},
     * {@code none}, ...
     *
     * @param type the type
     * @return this builder
     * @throws IllegalArgumentException if the type is empty
     */
    public Builder extrapolation(String type) {
      Objects.requireNonNull(type, "type");
      if (type.isBlank()) throw new IllegalArgumentException("extrapolation type is '" + type + "'; expected a name such as periodic");
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", type);
      this.extrapolation = Collections.unmodifiableMap(m);
      return this;
    }

    /**
     * Sets a constant extrapolation: the value outside the box.
     *
     * @param value the value
     * @return this builder
     */
    public Builder constantExtrapolation(double value) {
      this.extrapolation = constant(value);
      return this;
    }

    /**
     * Sets the extrapolation in PhiFlow's {@code to_dict} form, for the kinds with more parts (mixed,
     * normal-tangential, ...).
     *
     * @param dict a JSON-able map with a {@code type} entry
     * @return this builder
     * @throws IllegalArgumentException if it has no string {@code type}, or holds a value JSON cannot
     */
    public Builder extrapolation(Map<String, ?> dict) {
      Objects.requireNonNull(dict, "dict");
      if (!(dict.get("type") instanceof String)) {
        throw new IllegalArgumentException("extrapolation is " + dict + "; expected a map with a string entry 'type'");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = (Map<String, Object>) PropertyCodec.encodeNested("extrapolation", dict);
      this.extrapolation = tree;
      return this;
    }

    /** PhiFlow's {@code ConstantExtrapolation.to_dict()}, in its key order. */
    private static Map<String, Object> constant(Object value) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "constant");
      m.put("value", value);
      return Collections.unmodifiableMap(m);
    }

    private int requireDim(String what, String dim) {
      Objects.requireNonNull(dim, "dim");
      int at = values.dims().indexOf(dim);
      if (at < 0) {
        throw new IllegalArgumentException(what + ": the values have no dimension '" + dim + "'; their dimensions are "
            + values.dims());
      }
      return at;
    }

    /**
     * Builds the field.
     *
     * @return the field
     * @throws IllegalArgumentException if no dimension is spatial, or the bounds do not have one value
     *     per spatial dimension
     */
    public GridField build() {
      Map<String, DimType> types = new LinkedHashMap<>();
      List<String> spatial = new ArrayList<>();
      for (String d : values.dims()) {
        DimType t = dimTypes.getOrDefault(d, DimType.defaultFor(d));
        types.put(d, t);
        if (t == DimType.SPATIAL) spatial.add(d);
      }
      if (spatial.isEmpty()) {
        throw new IllegalArgumentException("a grid field needs a spatial dimension; the values have " + types
            + " (set one with dimType)");
      }
      double[] lo = lower;
      double[] up = upper;
      if (lo == null) {
        lo = new double[spatial.size()];
        up = new double[spatial.size()];
        for (int i = 0; i < up.length; i++) {
          long size = values.shape()[values.dims().indexOf(spatial.get(i))];
          up[i] = type == Type.STAGGERED ? Math.max(size - 1, 0) : size;
        }
      } else if (lo.length != spatial.size()) {
        throw new IllegalArgumentException("bounds have " + lo.length + " values per corner; expected "
            + spatial.size() + ", one per spatial dimension " + spatial);
      }
      Map<String, Index> ls = new LinkedHashMap<>();
      for (String d : values.dims()) {
        if (labels.containsKey(d)) {
          ls.put(d, labels.get(d));
        } else if (d.equals("vector") && types.get(d) == DimType.CHANNEL
            && values.shape()[values.dims().indexOf(d)] == spatial.size()) {
          ls.put(d, Index.ofStrings(spatial.toArray(new String[0]))); // PhiFlow's item names of vector components
        }
      }
      return new GridField(this, types, ls, lo, up);
    }
  }
}
