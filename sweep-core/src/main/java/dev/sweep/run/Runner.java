package dev.sweep.run;

import dev.sweep.data.DuplicateLabelException;
import dev.sweep.data.DType;
import dev.sweep.data.Dataset;
import dev.sweep.data.Index;
import dev.sweep.space.Cases;
import dev.sweep.space.Combos;
import dev.sweep.space.Space;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A function described by its outputs, which turns each sweep into a labelled {@link Dataset}:
 * xyzpy's {@code Runner}.
 *
 * <pre>{@code
 * Runner runner = Runner.builder(RunFunction.of(Tutorial.class, "foo"))
 *     .vars("a_out", "b_out")
 *     .build();
 * Dataset ds = runner.runCombos(combos);
 * }</pre>
 *
 * <p>How a run's return value maps to variables:
 * <ul>
 *   <li>one variable: the value itself, a scalar or (for a variable with inner dimensions) an array,
 *       nested array, list or INDArray of the inner shape;
 *   <li>several variables: an {@code Object[]} or list with one element per variable, or a primitive
 *       array when every variable is a scalar;
 *   <li>a record: one variable per component, named after it, with {@link Dims} for inner
 *       dimensions (leave {@link Builder#vars} unset, or list the components);
 *   <li>a {@link Dataset}, with no variables declared: its variables are stacked over the sweep's
 *       dimensions (xyzpy's {@code var_names=None}).
 * </ul>
 * A variable's type is the type of its first result unless declared with {@link Builder#type}.
 * Results are written straight into preallocated storage: primitives are never boxed per run.
 *
 * <p>Immutable and thread-safe.
 */
public final class Runner {
  private final RunFunction fn;
  private final List<String> vars;
  private final Map<String, List<String>> varDims;
  private final Map<String, Index> coords;
  private final Map<String, DType> types;
  private final Map<String, Object> constants;
  private final Map<String, Object> resources;
  private final Map<String, Object> attrs;
  private final RunOptions options;

  private Runner(Builder b) {
    this.fn = b.fn;
    this.vars = List.copyOf(b.vars);
    this.varDims = Collections.unmodifiableMap(new LinkedHashMap<>(b.varDims));
    this.coords = Collections.unmodifiableMap(new LinkedHashMap<>(b.coords));
    this.types = Collections.unmodifiableMap(new LinkedHashMap<>(b.types));
    this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(b.constants));
    this.resources = Collections.unmodifiableMap(new LinkedHashMap<>(b.resources));
    this.attrs = Collections.unmodifiableMap(new LinkedHashMap<>(b.attrs));
    this.options = b.options;
  }

  /**
   * {@return a builder for a runner of the function, with nothing declared and the default options}
   *
   * @param fn the function to run
   */
  public static Builder builder(RunFunction fn) {
    return new Builder(fn);
  }

  /**
   * {@return a builder for the static method's runner, with the outputs its {@link Label} describes}
   * The method is found as {@link FunctionRef} says: the one of that name the class declares or inherits.
   *
   * @param owner the class that declares or inherits the method
   * @param method the method's name; exactly one method may have it
   * @throws IllegalArgumentException if there is no such method or more than one, it has no
   *     {@link Label}, or the label's entries do not parse
   */
  public static Builder labelled(Class<?> owner, String method) {
    Label label = LabelSpec.labelledMethod(owner, method).getAnnotation(Label.class);
    return LabelSpec.builder(RunFunction.of(owner, method), label);
  }

  /**
   * {@return a builder for the instance method's runner, called on the target, with the outputs its
   * {@link Label} describes}
   *
   * @param target the object to call the method on
   * @param method the method's name; exactly one method may have it
   * @throws IllegalArgumentException if there is no such method or more than one, it has no
   *     {@link Label}, or the label's entries do not parse
   */
  public static Builder labelled(Object target, String method) {
    Label label = LabelSpec.labelledMethod(target.getClass(), method).getAnnotation(Label.class);
    return LabelSpec.builder(RunFunction.of(target, method), label);
  }

  /**
   * {@return this runner described as a value that another JVM rebuilds it from} See
   * {@link RunnerSpec} for what travels; the options do not.
   *
   * @throws IllegalStateException if the function is not a static method (a lambda, an object of
   *     its own, or a method bound to an instance), or a constant or attribute cannot travel
   */
  public RunnerSpec spec() {
    if (!(fn instanceof MethodFunction m)) {
      throw new IllegalStateException("this runner's function " + fn + " is a lambda or an object of its own, which "
          + "cannot be rebuilt in another JVM; build the runner from a static method: "
          + "Runner.builder(RunFunction.of(Owner.class, \"method\")) or Runner.labelled(Owner.class, \"method\")");
    }
    FunctionRef ref = m.ref();
    try {
      return new RunnerSpec(ref, vars, varDims, coords, types, constants, attrs, List.copyOf(resources.keySet()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("cannot describe the runner of " + ref + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@return the runner the spec describes, with the default options} Give it options with
   * {@link #with(RunOptions)}; they do not travel.
   *
   * @param spec the description, from {@link #spec()} here or in another JVM
   * @throws IllegalArgumentException if the spec names resources (use {@link #fromSpec(RunnerSpec,
   *     Map)}), its function's class is not on the class path or its method cannot be bound, or its
   *     description is inconsistent
   */
  public static Runner fromSpec(RunnerSpec spec) {
    return fromSpec(spec, Map.of());
  }

  /**
   * {@return the runner the spec describes, with the default options and these resources} The
   * resources are the objects a spec cannot carry; give exactly those it names.
   *
   * @param spec the description
   * @param resources the values of the resources the spec names, by name
   * @throws IllegalArgumentException if a resource the spec names is not given or one is given that it
   *     does not name, or as {@link #fromSpec(RunnerSpec)}
   */
  public static Runner fromSpec(RunnerSpec spec, Map<String, ?> resources) {
    for (String r : spec.resources()) {
      if (!resources.containsKey(r)) {
        throw new IllegalArgumentException("the spec of " + spec.function() + " names resources " + spec.resources()
            + ", which cannot travel; give '" + r + "' to Runner.fromSpec(spec, resources)");
      }
    }
    for (String r : resources.keySet()) {
      if (!spec.resources().contains(r)) {
        throw new IllegalArgumentException("resource '" + r + "' is given, but the spec of " + spec.function()
            + " names " + (spec.resources().isEmpty() ? "no resources" : "only " + spec.resources()));
      }
    }
    Builder b = new Builder(spec.function().function());
    if (!spec.vars().isEmpty()) b.vars(spec.vars().toArray(new String[0]));
    spec.varDims().forEach((v, d) -> b.dims(v, d.toArray(new String[0])));
    spec.coords().forEach(b::coords);
    spec.types().forEach(b::type);
    spec.constants().forEach(b::constant);
    spec.attrs().forEach(b::attr);
    for (String r : spec.resources()) b.resource(r, resources.get(r));
    return b.build();
  }

  /**
   * {@return a builder starting from this runner's description and options} Outputs and inner
   * dimensions named here cannot be named again; the other setters replace.
   */
  public Builder toBuilder() {
    Builder b = new Builder(fn);
    b.vars.addAll(vars);
    b.varDims.putAll(varDims);
    b.coords.putAll(coords);
    b.types.putAll(types);
    b.constants.putAll(constants);
    b.resources.putAll(resources);
    b.attrs.putAll(attrs);
    b.options = options;
    return b;
  }

  /**
   * {@return a runner like this one with other run options; this one is unchanged}
   *
   * @param options progress, workers, order and failure handling for every run
   */
  public Runner with(RunOptions options) {
    return toBuilder().options(options).build();
  }

  /**
   * Runs every combination.
   *
   * @param combos the parameters to combine
   * @return a dataset over the combos' dimensions, then the outputs' inner dimensions
   * @throws RunFailedException if a run throws under {@link OnError#STOP}, or a result does not fit
   *     the outputs' description
   * @throws SweepInterruptedException if the thread is interrupted; its
   *     {@link SweepInterruptedException#dataset() dataset} holds the runs that completed
   * @throws IllegalArgumentException if the function declares arguments other than those given
   */
  public Dataset runCombos(Combos combos) {
    return run(Cases.none(), combos);
  }

  /**
   * Runs the function once, at one point, and returns its outputs by name: xyzpy's {@code r(a=2)}.
   * The outputs keep their inner dimensions; the point's arguments are not dimensions of the result
   * (read a scalar with {@code call(...).doubleValue("y", Map.of())}).
   *
   * @param arguments the swept arguments' values, by name (the constants and resources are the runner's)
   * @return a dataset of the outputs at that point
   * @throws RunFailedException if the run throws, whatever the error policy (a single run has nothing
   *     to continue with)
   * @throws IllegalArgumentException if the function declares arguments other than those given
   */
  public Dataset call(Map<String, ?> arguments) {
    Objects.requireNonNull(arguments, "arguments");
    Runner once = with(RunOptions.builder().verbosity(0).onError(OnError.STOP).build()); // no bar for one run
    if (arguments.isEmpty()) return once.runCombos(Combos.empty());
    Map<String, Object> point = new LinkedHashMap<>(arguments);
    Dataset ds = once.runCases(Cases.ofMaps(List.of(point)));
    Map<String, Object> first = new LinkedHashMap<>();
    for (String name : point.keySet()) first.put(name, 0);
    return ds.isel(first);
  }

  /**
   * Runs the cases.
   *
   * @param cases the points to run; no two may be the same point
   * @return a dataset over the smallest grid holding the cases, missing elsewhere
   * @throws RunFailedException if a run throws under {@link OnError#STOP}, or a result does not fit
   *     the outputs' description
   * @throws SweepInterruptedException if the thread is interrupted; its
   *     {@link SweepInterruptedException#dataset() dataset} holds the runs that completed
   * @throws IllegalArgumentException if two cases are the same point, or the function declares
   *     arguments other than those given
   */
  public Dataset runCases(Cases cases) {
    return run(cases, Combos.empty());
  }

  /**
   * Runs every combination for every case: a dataset over the case arguments (by sorted distinct
   * values) then the combos, with the outputs' inner dimensions last; cells no run reached are missing.
   *
   * @param cases the points to run; no two may be the same point
   * @param combos the parameters combined with each case
   * @return the dataset; with no variables if no run succeeded
   * @throws RunFailedException if a run throws under {@link OnError#STOP}, or a result does not fit
   *     the outputs' description (whatever the error policy)
   * @throws SweepInterruptedException if the thread is interrupted; its
   *     {@link SweepInterruptedException#dataset() dataset} holds the runs that completed
   * @throws IllegalArgumentException if two cases are the same point, a parameter is both a case
   *     argument and a combo, or the function declares arguments other than those given
   */
  public Dataset run(Cases cases, Combos combos) {
    return plan(cases, combos).runAll();
  }

  /**
   * Plans the sweep of every combination for every case without running it, so that ranges of its
   * runs can run apart (here or in other JVMs) and be assembled into the dataset {@link #run} gives.
   *
   * @param cases the points to run, or {@link Cases#none()}; no two may be the same point
   * @param combos the parameters combined with each case, or {@link Combos#empty()}
   * @return the plan
   * @throws IllegalArgumentException if two cases are the same point, a parameter is both a case
   *     argument and a combo, or the function declares arguments other than those given
   */
  public RunPlan plan(Cases cases, Combos combos) {
    return new RunPlan(this, cases, combos);
  }

  /**
   * Runs the given points as a flat table rather than a grid: a dataset over one unlabelled
   * dimension {@code dim}, holding each argument and each output as a variable along it (outputs
   * keep their inner dimensions). Points may repeat. This is what a sampler stores.
   *
   * @param points the points to run, in order
   * @param dim the name of the one dimension; not an argument's
   * @return the table as a dataset: the arguments' variables first, then the outputs'
   * @throws RunFailedException if a run throws under {@link OnError#STOP}, or a result does not fit
   *     the outputs' description
   * @throws SweepInterruptedException if the thread is interrupted; its
   *     {@link SweepInterruptedException#dataset() dataset} holds the runs that completed
   * @throws IllegalArgumentException if an argument has an output's name or is named {@code dim}, an
   *     argument's values cannot share a type, or the function declares arguments other than those given
   */
  public Dataset runPoints(Cases points, String dim) {
    return planPoints(points, dim).runAll();
  }

  /**
   * Plans the run of the given points without running it, so that ranges of them can run apart (here
   * or in other JVMs) and be assembled into the table {@link #runPoints} gives: run {@code r} is
   * point {@code r}.
   *
   * @param points the points to run, in order; at least one
   * @param dim the name of the table's one dimension; not an argument's
   * @return the plan; {@link RunPlan#isPoints()} is true
   * @throws IllegalArgumentException if there are no points, an argument is named {@code dim}, or the
   *     function declares arguments other than those given
   */
  public RunPlan planPoints(Cases points, String dim) {
    return new RunPlan(this, Space.flat(points, Objects.requireNonNull(dim, "dim")));
  }

  /**
   * The table of points {@code from..to - 1}: their arguments' variables along {@code dim}, then the
   * outputs of those runs (a dataset over {@code dim} alone).
   */
  static Dataset withArguments(Dataset out, Space points, int from, int to) {
    String dim = points.dims().get(0);
    List<String> names = points.names();
    Dataset.Builder b = Dataset.builder().dim(dim, to - from);
    // One pass with a cursor reads every argument of a point by position, without a lookup by name.
    Object[][] values = new Object[names.size()][to - from];
    Space.Cursor cursor = points.cursor();
    if (to > from) cursor.seek(from);
    for (int c = from; c < to; c++) {
      if (c > from) cursor.advance();
      for (int i = 0; i < values.length; i++) values[i][c - from] = cursor.value(i);
    }
    for (int i = 0; i < values.length; i++) {
      String name = names.get(i);
      if (out.variables().containsKey(name)) {
        throw new IllegalArgumentException("argument '" + name + "' has the name of an output");
      }
      dev.sweep.data.DType t;
      try {
        t = Index.commonType(values[i]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("argument '" + name + "': " + e.getMessage(), e);
      }
      dev.sweep.data.Column col = dev.sweep.data.Column.allocate(t, new long[] {values[i].length});
      if (t == dev.sweep.data.DType.DOUBLE) {
        double[] d = new double[values[i].length]; // stored with one bulk copy
        for (int c = 0; c < d.length; c++) d[c] = ((Number) values[i][c]).doubleValue();
        col.setDoubles(0, d);
      } else {
        for (int c = 0; c < values[i].length; c++) col.set(c, values[i][c]);
      }
      b.variable(dev.sweep.data.Variable.of(name, List.of(dim), col));
    }
    Dataset args = b.build();
    Dataset.Builder merged = Dataset.builder().dim(dim, to - from);
    args.variables().values().forEach(merged::variable);
    out.coords().forEach(merged::coord);
    out.variables().values().forEach(merged::variable);
    merged.attrs(out.attrs());
    return merged.build();
  }

  /**
   * Checks, before any run, that the function takes exactly the arguments a sweep of this runner
   * would pass it: the swept names given, then this runner's constants and resources. A function
   * that declares no argument names (a lambda over {@link Args}) takes anything. Every sweep makes
   * this check; a caller that gathers the swept names itself (a sampler's draws) makes it early.
   *
   * @param swept the swept argument names, in order
   * @param source what gives them, as a plural noun for the error message: {@code "the draws"}
   * @throws IllegalArgumentException for an argument the function needs and nothing gives ("{@code
   *     Trig.trig(int amp, ...) needs argument 'phase', which the draws do not give (they give [amp,
   *     fn, x])}"), or an argument given that it does not take ("{@code the draws give 'freq', which
   *     Trig.trig(...) does not take}"; "{@code a constant or resource names argument 'k', ...}")
   */
  public void checkArguments(List<String> swept, String source) {
    Objects.requireNonNull(source, "source");
    ArgumentCheck.check(fn, List.copyOf(swept), fixedArguments().keySet(), new ArgumentCheck.Words() {
      @Override
      public String missing(String arg, List<String> given) {
        return fn + " needs argument '" + arg + "', which " + source + " do not give (they give " + swept + ")";
      }

      @Override
      public String notTaken(String arg, boolean isSwept) {
        return isSwept ? source + " give '" + arg + "', which " + fn + " does not take"
            : "a constant or resource names argument '" + arg + "', which " + fn + " does not take";
      }
    });
  }

  /** The constants, then the resources: every run's fixed arguments. */
  Map<String, Object> fixedArguments() {
    Map<String, Object> fixed = new LinkedHashMap<>(constants);
    for (Map.Entry<String, Object> e : resources.entrySet()) {
      if (fixed.put(e.getKey(), e.getValue()) != null) {
        throw new IllegalArgumentException("'" + e.getKey() + "' is both a constant and a resource");
      }
    }
    return fixed;
  }

  /** {@return the function this runner runs} */
  public RunFunction function() {
    return fn;
  }

  /**
   * {@return the declared output names; empty when a record's components or a Dataset's variables
   * name them}
   */
  public List<String> vars() {
    return vars;
  }

  /** {@return the declared inner dimensions, outermost first, of each output that has some} */
  public Map<String, List<String>> varDims() {
    return varDims;
  }

  /** {@return the declared labels of inner dimensions, by dimension name} */
  public Map<String, Index> coords() {
    return coords;
  }

  /** {@return the declared output types, by output name; an output not here takes its first result's type} */
  public Map<String, DType> types() {
    return types;
  }

  /**
   * {@return the values passed to every run and stored (as labels of the inner dimension they name,
   * else as attributes), by argument name}
   */
  public Map<String, Object> constants() {
    return constants;
  }

  /** {@return the values passed to every run and never stored, by argument name} */
  public Map<String, Object> resources() {
    return resources;
  }

  /** {@return the attributes stored on every dataset this runner returns} */
  public Map<String, Object> attrs() {
    return attrs;
  }

  /** {@return the options every sweep of this runner runs with} */
  public RunOptions options() {
    return options;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("<sweep.Runner>\n  fn: ").append(fn);
    if (!fn.argNames().isEmpty()) sb.append("\n  fn args: ").append(fn.argNames());
    sb.append("\n  vars: ").append(vars.isEmpty() ? "(from the results)" : vars);
    if (!varDims.isEmpty()) sb.append("\n  var dims: ").append(varDims);
    if (!constants.isEmpty()) sb.append("\n  constants: ").append(constants.keySet());
    if (!resources.isEmpty()) sb.append("\n  resources: ").append(resources.keySet());
    return sb.toString();
  }

  /** Builds a {@link Runner}; each setter checks its input at once, {@link #build()} the whole. */
  public static final class Builder {
    private final RunFunction fn;
    private final List<String> vars = new ArrayList<>();
    private final Map<String, List<String>> varDims = new LinkedHashMap<>();
    private final Map<String, Index> coords = new LinkedHashMap<>();
    private final Map<String, DType> types = new LinkedHashMap<>();
    private final Map<String, Object> constants = new LinkedHashMap<>();
    private final Map<String, Object> resources = new LinkedHashMap<>();
    private final Map<String, Object> attrs = new LinkedHashMap<>();
    private RunOptions options = RunOptions.defaults();

    Builder(RunFunction fn) {
      this.fn = Objects.requireNonNull(fn, "fn");
    }

    /**
     * Names the outputs, in the order the function returns them. Leave unset for a function that
     * returns a record or a Dataset, whose components or variables name them.
     *
     * @param names the output names, distinct
     * @return this builder
     * @throws IllegalStateException if the outputs were already named
     * @throws IllegalArgumentException if a name is repeated
     */
    public Builder vars(String... names) {
      if (!vars.isEmpty()) throw new IllegalStateException("vars were already set to " + vars);
      for (String n : names) {
        if (vars.contains(n)) throw new IllegalArgumentException("output '" + n + "' is named twice in vars");
        vars.add(Objects.requireNonNull(n, "var name"));
      }
      return this;
    }

    /**
     * Declares the inner dimensions of an output: those of the array each run returns for it.
     *
     * @param var the output
     * @param dims the dimension names, outermost first
     * @return this builder
     * @throws IllegalArgumentException if the output's dimensions were already set
     */
    public Builder dims(String var, String... dims) {
      for (String d : dims) {
        if (d == null || d.isBlank()) {
          throw new IllegalArgumentException("dims of '" + var + "' are " + java.util.Arrays.toString(dims)
              + "; a dimension name must not be empty or null");
        }
      }
      if (varDims.containsKey(var)) {
        throw new IllegalArgumentException("dims of '" + var + "' were already set to " + varDims.get(var));
      }
      varDims.put(var, List.of(dims));
      return this;
    }

    /**
     * Declares the labels of an inner dimension, replacing any set before; without them the dimension
     * is unlabelled.
     *
     * @param dim the inner dimension
     * @param labels the labels, distinct and of one type
     * @return this builder
     * @throws IllegalArgumentException if the labels are empty, repeat, hold null or cannot share a type
     */
    public Builder coords(String dim, Object... labels) {
      try {
        coords.put(dim, Index.of(labels));
      } catch (IllegalArgumentException | DuplicateLabelException e) {
        throw new IllegalArgumentException("coords of '" + dim + "': " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * Declares the labels of an inner dimension, replacing any set before.
     *
     * @param dim the inner dimension
     * @param labels the labels
     * @return this builder
     */
    public Builder coords(String dim, Index labels) {
      coords.put(dim, labels);
      return this;
    }

    /**
     * Declares an output's type, instead of taking the type of its first result; replaces a type set
     * before.
     *
     * @param var the output
     * @param type its element type
     * @return this builder
     */
    public Builder type(String var, DType type) {
      types.put(var, Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * A value passed to every run under this name and stored: as the labels of the inner dimension of
     * the same name (an array or list), otherwise as a dataset attribute (a number, string, boolean
     * or array of those). A constant of the same name is replaced.
     *
     * @param name the argument name
     * @param value the value every run receives
     * @return this builder
     * @throws IllegalArgumentException if the name is already a resource
     */
    public Builder constant(String name, Object value) {
      Objects.requireNonNull(value, "value");
      if (resources.containsKey(name)) throw new IllegalArgumentException("'" + name + "' is already a resource");
      constants.put(name, value);
      return this;
    }

    /**
     * A value passed to every run under this name and never stored (a solver, a connection, a cache).
     * A resource of the same name is replaced.
     *
     * @param name the argument name
     * @param value the value every run receives
     * @return this builder
     * @throws IllegalArgumentException if the name is already a constant
     */
    public Builder resource(String name, Object value) {
      Objects.requireNonNull(value, "value");
      if (constants.containsKey(name)) throw new IllegalArgumentException("'" + name + "' is already a constant");
      resources.put(name, value);
      return this;
    }

    /**
     * An attribute stored on every dataset, replacing one of the same name.
     *
     * @param name the attribute name
     * @param value the attribute value: a number, string, boolean, or an array or list of those
     * @return this builder
     * @throws IllegalArgumentException naming the attribute, if a dataset cannot store the value
     */
    public Builder attr(String name, Object value) {
      checkStorable("attribute", Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      attrs.put(name, value);
      return this;
    }

    /**
     * Sets the options every sweep runs with (default {@link RunOptions#defaults()}).
     *
     * @param options progress, workers, order and failure handling
     * @return this builder
     */
    public Builder options(RunOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /**
     * Checks that dims and types refer to declared outputs (when outputs are named) and that constants
     * can be stored.
     *
     * @return the runner
     * @throws IllegalArgumentException naming the dims or type given for an undeclared output, or a
     *     constant that is neither an inner dimension's labels nor storable as an attribute
     */
    public Runner build() {
      if (!vars.isEmpty()) {
        for (String v : varDims.keySet()) {
          if (!vars.contains(v)) {
            throw new IllegalArgumentException("dims are given for '" + v + "', which is not an output; the outputs are " + vars);
          }
        }
        for (String v : types.keySet()) {
          if (!vars.contains(v)) {
            throw new IllegalArgumentException("a type is given for '" + v + "', which is not an output; the outputs are " + vars);
          }
        }
      }
      for (Map.Entry<String, Object> c : constants.entrySet()) {
        if (!namesInnerDim(c.getKey())) checkStorable("constant", c.getKey(), c.getValue());
      }
      return new Runner(this);
    }

    /** Checks a value against the one rule for attributes, the data package's, in a runner's words. */
    private static void checkStorable(String what, String name, Object value) {
      try {
        Dataset.builder().attr(name, value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(what + " '" + name + "' is a " + value.getClass().getName()
            + ", which a dataset cannot store; pass it as a resource (never stored), or as a number, string,"
            + " boolean, or an array or list of those", e);
      }
    }

    private boolean namesInnerDim(String name) {
      return varDims.values().stream().anyMatch(d -> d.contains(name));
    }
  }
}
