package dev.sweep.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What each array task of a crop asks its scheduler for, and how it starts its worker. Immutable;
 * build with {@link #builder()}, whose setters check their values at once. Every option is left out
 * of the script unless set, so the cluster's defaults apply.
 *
 * <pre>{@code
 * JobOptions o = JobOptions.builder()
 *     .time(Duration.ofHours(2)).memoryMegabytes(4096).cpus(4)   // each task: 2 h, 4 GiB, 4 cores
 *     .queue("short").throttle(50)                               // at most 50 tasks at once
 *     .setup("module load java/17")                              // lines run before the worker
 *     .directive("--account=proj42")                             // anything else, as the scheduler spells it
 *     .build();
 * }</pre>
 */
public final class JobOptions {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final String name;
  private final Duration time;
  private final Long memoryMegabytes;
  private final Integer cpus;
  private final Integer nodes;
  private final String queue;
  private final Integer throttle;
  private final Integer workers;
  private final List<String> setup;
  private final List<String> directives;
  private final List<String> javaOptions;
  private final String java;
  private final Integer maxArraySize;
  private final Map<String, String> environment;

  private JobOptions(Builder b) {
    this.name = b.name;
    this.time = b.time;
    this.memoryMegabytes = b.memoryMegabytes;
    this.cpus = b.cpus;
    this.nodes = b.nodes;
    this.queue = b.queue;
    this.throttle = b.throttle;
    this.workers = b.workers;
    this.setup = List.copyOf(b.setup);
    this.directives = List.copyOf(b.directives);
    this.javaOptions = List.copyOf(b.javaOptions);
    this.java = b.java;
    this.maxArraySize = b.maxArraySize;
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(b.environment));
  }

  /** {@return the defaults: nothing asked for, the scheduler's defaults apply} */
  public static JobOptions defaults() {
    return builder().build();
  }

  /** {@return a builder with nothing set} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the job's name; empty for {@code sweep-<crop directory name>}} */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** {@return the wall-clock limit of each task, if set} */
  public Optional<Duration> time() {
    return Optional.ofNullable(time);
  }

  /** {@return the memory of each task in MiB, if set} */
  public Optional<Long> memoryMegabytes() {
    return Optional.ofNullable(memoryMegabytes);
  }

  /** {@return the cores of each task, if set} */
  public Optional<Integer> cpus() {
    return Optional.ofNullable(cpus);
  }

  /** {@return the nodes of each task, if set} */
  public Optional<Integer> nodes() {
    return Optional.ofNullable(nodes);
  }

  /** {@return the partition (SLURM) or queue (PBS, SGE), if set} */
  public Optional<String> queue() {
    return Optional.ofNullable(queue);
  }

  /** {@return how many tasks of an array may run at once, if limited} */
  public Optional<Integer> throttle() {
    return Optional.ofNullable(throttle);
  }

  /** {@return the threads each worker runs its batch with: the set value, else the cores asked for, else 1} */
  public int workers() {
    return workers != null ? workers : cpus != null ? cpus : 1;
  }

  /** {@return the shell lines run before the worker starts (modules, environments)} */
  public List<String> setup() {
    return setup;
  }

  /** {@return further directives, as the scheduler spells them after its prefix} */
  public List<String> directives() {
    return directives;
  }

  /** {@return the worker JVM's options, e.g. {@code -Xmx3g}} */
  public List<String> javaOptions() {
    return javaOptions;
  }

  /** {@return the java executable on the nodes; empty for the one the crop recorded} */
  public Optional<String> java() {
    return Optional.ofNullable(java);
  }

  /** {@return the scheduler's largest array, if set; otherwise it is asked (SLURM) or its default assumed} */
  public Optional<Integer> maxArraySize() {
    return Optional.ofNullable(maxArraySize);
  }

  /** {@return variables added to the environment of the scheduler's commands (e.g. SLURM_CONF)} */
  public Map<String, String> environment() {
    return environment;
  }

  /** {@return a builder starting from these options} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.time = time;
    b.memoryMegabytes = memoryMegabytes;
    b.cpus = cpus;
    b.nodes = nodes;
    b.queue = queue;
    b.throttle = throttle;
    b.workers = workers;
    b.setup.addAll(setup);
    b.directives.addAll(directives);
    b.javaOptions.addAll(javaOptions);
    b.java = java;
    b.maxArraySize = maxArraySize;
    b.environment.putAll(environment);
    return b;
  }

  /** Builds {@link JobOptions}; each setter checks its value at once. */
  public static final class Builder {
    private String name;
    private Duration time;
    private Long memoryMegabytes;
    private Integer cpus;
    private Integer nodes;
    private String queue;
    private Integer throttle;
    private Integer workers;
    private final List<String> setup = new ArrayList<>();
    private final List<String> directives = new ArrayList<>();
    private final List<String> javaOptions = new ArrayList<>();
    private String java;
    private Integer maxArraySize;
    private final Map<String, String> environment = new LinkedHashMap<>();

    Builder() {}

    /**
     * Names the job (default {@code sweep-<crop directory name>}).
     *
     * @param name letters, digits, {@code _ . -}, at most 64
     * @return this builder
     * @throws IllegalArgumentException for another name
     */
    public Builder name(String name) {
      if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
        throw new IllegalArgumentException("job name '" + name + "' should be 1 to 64 letters, digits, '_', '.' or '-'");
      }
      this.name = name;
      return this;
    }

    /**
     * Sets the wall-clock limit of each task.
     *
     * @param time at least one second
     * @return this builder
     * @throws IllegalArgumentException if shorter than a second
     */
    public Builder time(Duration time) {
      if (time.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("time is " + time + "; expected at least one second per task");
      }
      this.time = time;
      return this;
    }

    /**
     * Sets the memory of each task.
     *
     * @param megabytes MiB, at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder memoryMegabytes(long megabytes) {
      if (megabytes < 1) throw new IllegalArgumentException("memory is " + megabytes + " MiB; expected at least 1");
      this.memoryMegabytes = megabytes;
      return this;
    }

    /**
     * Sets the cores of each task (and so, unless {@link #workers} says otherwise, the worker's threads).
     *
     * @param cpus at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder cpus(int cpus) {
      if (cpus < 1) throw new IllegalArgumentException("cpus is " + cpus + "; expected at least 1");
      this.cpus = cpus;
      return this;
    }

    /**
     * Sets the nodes of each task.
     *
     * @param nodes at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder nodes(int nodes) {
      if (nodes < 1) throw new IllegalArgumentException("nodes is " + nodes + "; expected at least 1");
      this.nodes = nodes;
      return this;
    }

    /**
     * Sets the partition (SLURM) or queue (PBS, SGE).
     *
     * @param queue its name
     * @return this builder
     * @throws IllegalArgumentException if it is blank or holds white space
     */
    public Builder queue(String queue) {
      if (queue.isBlank() || queue.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("queue '" + queue + "' should be one word");
      }
      this.queue = queue;
      return this;
    }

    /**
     * Lets at most this many tasks of an array run at once (SLURM's {@code %}, Torque's {@code %},
     * SGE's {@code -tc}).
     *
     * @param tasks at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder throttle(int tasks) {
      if (tasks < 1) throw new IllegalArgumentException("throttle is " + tasks + "; expected at least 1 task at once");
      this.throttle = tasks;
      return this;
    }

    /**
     * Sets the threads each worker runs its batch's runs with (default: the cores asked for, else 1).
     *
     * @param threads at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder workers(int threads) {
      if (threads < 1) throw new IllegalArgumentException("workers is " + threads + "; expected at least 1");
      this.workers = threads;
      return this;
    }

    /**
     * Adds shell lines run before the worker, in order: {@code module load java/17}, {@code source env.sh}.
     *
     * @param lines the lines
     * @return this builder
     * @throws IllegalArgumentException if a line holds a line break
     */
    public Builder setup(String... lines) {
      for (String l : lines) {
        if (l.contains("\n") || l.contains("\r")) throw new IllegalArgumentException("setup line '" + l + "' holds a line break");
        setup.add(l);
      }
      return this;
    }

    /**
     * Adds a directive the options do not cover, as the scheduler spells it after its prefix
     * ({@code #SBATCH}, {@code #PBS}, {@code #$}): {@code --account=proj42}, {@code -A proj42}.
     *
     * @param directive the directive
     * @return this builder
     * @throws IllegalArgumentException if it is blank or holds a line break
     */
    public Builder directive(String directive) {
      if (directive.isBlank() || directive.contains("\n") || directive.contains("\r")) {
        throw new IllegalArgumentException("directive '" + directive + "' should be one non-blank line");
      }
      directives.add(directive.strip());
      return this;
    }

    /**
     * Adds options of the worker JVM: {@code -Xmx3g}, {@code -Dkey=value}.
     *
     * @param options the options, each one argument
     * @return this builder
     */
    public Builder javaOptions(String... options) {
      for (String o : options) javaOptions.add(Objects.requireNonNull(o, "option"));
      return this;
    }

    /**
     * Sets the java executable on the nodes (default: the one the crop recorded at sowing).
     *
     * @param executable its path on the nodes
     * @return this builder
     */
    public Builder java(String executable) {
      this.java = Objects.requireNonNull(executable, "executable");
      return this;
    }

    /**
     * Sets the scheduler's largest array, beyond which the batches are split into several arrays
     * (default: SLURM's {@code MaxArraySize}, asked of {@code scontrol}; 10000 for PBS, 75000 for SGE).
     *
     * @param tasks at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxArraySize(int tasks) {
      if (tasks < 1) throw new IllegalArgumentException("maxArraySize is " + tasks + "; expected at least 1");
      this.maxArraySize = tasks;
      return this;
    }

    /**
     * Adds a variable to the environment of the scheduler's commands (not of the jobs), e.g.
     * {@code SLURM_CONF} for a cluster whose configuration is not in {@code /etc/slurm}.
     *
     * @param name the variable
     * @param value its value
     * @return this builder
     */
    public Builder environment(String name, String value) {
      environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** {@return the options} */
    public JobOptions build() {
      return new JobOptions(this);
    }
  }
}
