package dev.sweep.examples;

import dev.sweep.cli.spi.Subcommand;
import dev.sweep.data.Dataset;
import dev.sweep.io.csv.CsvStore;
import dev.sweep.io.netcdf.Netcdf;
import dev.sweep.io.scene.Scene;
import dev.sweep.run.RunOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sweep demo}: runs the tutorial lessons in order and prints each result. Contributed to the
 * command line through {@link Subcommand} (registered in
 * {@code META-INF/services/dev.sweep.cli.spi.Subcommand}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the tutorial: combos, cases, runners, structured outputs, harvests, samples, trajectories,"
        + " scenes, crops, operations on results, movies and a followed scan; print each result and write the files"
        + " (bar.nc, bar.png, foo.nc, foo.png, trig.csv, trig.png, trig.nc, ou.nc, scenes/, waves.nc, looking.png,"
        + " ou.mkv, scan.nc) to --out.")
public final class DemoCommand implements Subcommand, Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "sweep-out",
      description = "Directory for the files the demo writes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the sampler (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = {"-v", "--verbosity"}, defaultValue = "1",
      description = "0 silent, 1 progress bars, 2 bars with the current arguments (default: ${DEFAULT-VALUE}).")
  int verbosity;

  @Option(names = "--slurm", description = "Grow lesson 10's crop as a SLURM array job on the cluster that sbatch reaches"
      + " (start a private one with .ci/slurm-up.sh); by default it grows in this JVM.")
  boolean slurm;

  /** Makes the command; the command line sets its options. */
  public DemoCommand() {}

  /** {@return {@code "demo"}} */
  @Override
  public String name() {
    return "demo";
  }

  /**
   * Runs the lessons and writes their files to {@code --out}.
   *
   * @return 0
   * @throws java.io.IOException if the directory or a file cannot be written
   */
  @Override
  public Integer call() throws Exception {
    PrintStream o = System.out;
    if (slurm && !Lesson10_Crop.slurmAvailable()) { // say so before the lessons, not after them
      System.err.println("sweep demo: --slurm, but no SLURM cluster answers sinfo; start one with .ci/slurm-up.sh and"
          + " source its env.sh");
      return 2;
    }
    RunOptions options = RunOptions.builder().verbosity(verbosity).build();
    Files.createDirectories(out);

    heading(o, "1. combos: foo(a, b, c) over a=1..3, b in x,y,z, c in true,false");
    o.println(Lesson01_ComboRunner.run(options));

    heading(o, "2. cases: foo at (4, 'z', false) and (5, 'y', true)");
    for (Object r : Lesson02_CaseRunner.run(options)) o.println(Arrays.toString((Object[]) r));

    heading(o, "3. cases mixed with combos: unrun cells are NaN");
    o.println(Lesson03_CasesWithCombos.run(options));

    heading(o, "4. Runner: foo's outputs named a_out, b_out");
    o.println(Lesson04_Runner.run(options));

    heading(o, "5. structured outputs: bar(i, j, k, t) -> (A, B[x], C[x, t])");
    Path bar = out.resolve("bar.nc");
    Netcdf.write(Lesson05_StructuredOutput.run(options), bar);
    Dataset barRead = Netcdf.read(bar);
    o.println(barRead);
    o.println("-> " + bar + ", " + Lesson05_StructuredOutput.plot(barRead, out.resolve("bar.png")));

    heading(o, "6. Harvester: two harvests merged into one NetCDF file");
    Files.deleteIfExists(out.resolve("foo.nc")); // the demo starts its files afresh
    Dataset foo = Lesson06_Harvester.run(out, options);
    o.println(foo);
    o.println("-> " + out.resolve("foo.nc") + ", " + Lesson06_Harvester.plot(foo, out.resolve("foo.png")));

    heading(o, "7. Sampler: 10,000 + 5,000 random samples of trig(amp, fn, x, phase) synced to CSV");
    Files.deleteIfExists(out.resolve("trig.csv"));
    Files.deleteIfExists(CsvStore.dtypesFile(out.resolve("trig.csv")));
    var table = Lesson07_Sampler.run(out, options, seed);
    o.println(table.structure().printAll());
    o.println(table.first(5).printAll());
    o.println("-> " + out.resolve("trig.csv") + " (" + table.rowCount() + " rows), " + out.resolve("trig.png")
        + ", " + out.resolve("trig.nc"));

    heading(o, "8. Trajectories: 1,000 Ornstein-Uhlenbeck paths, every 10th of 10,000 steps in chunks of 100");
    Dataset ou = Lesson08_Trajectories.ensemble(out, seed);
    o.println(ou);
    o.println("-> " + out.resolve("ou.nc") + " (xarray: xr.open_dataset('ou.nc').x)");
    o.println(Lesson08_Trajectories.thetaSweep(out, options, seed));

    heading(o, "9. Scenes: diffusing noise on a 64x32 grid, 20 frames per scene, over smoothness 0.25 .. 2; then a batch of 4");
    Path scenes = out.resolve("scenes");
    for (Scene s : Scene.list(scenes)) s.remove(); // the demo starts its scenes afresh
    Lesson09_Scenes.Result r = Lesson09_Scenes.run(scenes, options);
    o.println(r.sweep());
    o.println(r.smoothest().summary());
    o.print("spread of the smoothest scene's frames:");
    for (double sd : r.smoothestStd()) o.printf(java.util.Locale.ROOT, " %.3f", sd);
    o.println();
    o.println(r.batch());
    o.println(r.batchLast());
    o.println("-> " + scenes + " (" + Scene.list(scenes).size() + " scenes; ./sweep show " + r.smoothest().path() + ")");

    heading(o, "10. Crop: wave(a, x) sown into 8 batches, grown " + (slurm ? "as a SLURM array job" : "in this JVM"
        + " (--slurm grows it on a cluster)") + ", batch 5 failing on purpose, regrown, reaped");
    Files.deleteIfExists(out.resolve("waves.nc"));
    Lesson10_Crop.Result crop = Lesson10_Crop.run(out, options, slurm, o);
    o.println(crop.harvest());
    o.println("-> " + out.resolve("waves.nc"));

    heading(o, "11. Looking at results: lesson 5's dataset reduced, selected, derived, as a table and drawn");
    Lesson11_LookingAtResults.Results looked = Lesson11_LookingAtResults.run(options);
    o.println("C averaged over t:");
    o.println(looked.meanOverTime());
    o.println("The largest A over i and j:");
    o.println(looked.maxA());
    o.println("As a long table (" + looked.table().rowCount() + " rows):");
    o.println(looked.table().first(5).printAll());
    o.println("-> " + Lesson11_LookingAtResults.plot(looked, out.resolve("looking.png")));

    heading(o, "12. Movies: lesson 8's trajectory kept as a 16-bit FFV1 movie and read back");
    Lesson12_Movies.Result movie = Lesson12_Movies.run(out.resolve("ou.nc"));
    o.printf(java.util.Locale.ROOT, "%d frames, %s, largest error %.3g (bound: half a level, %.3g); %d bytes vs %d in"
        + " ou.nc%n", movie.states(), movie.format(), movie.maxError(), movie.bound(), movie.movieBytes(),
        movie.netcdfBytes());
    o.println("-> " + out.resolve("ou.mkv") + " (./sweep movie " + out.resolve("ou.nc") + " --var x -o ou.mp4 to watch)");

    heading(o, "13. Follow: a writer JVM scans a 10x20 grid into scan.nc, 64x64 frames a few ms apart; each frame"
        + " summed as soon as it is complete");
    Lesson13_Follow.Result follow = Lesson13_Follow.run(out, o);
    o.println("stopped: " + follow.stop().description() + " -> " + out.resolve("scan.nc")
        + " (./sweep follow " + out.resolve("scan.nc") + " --keys key --data frame --finished finished)");
    return 0;
  }

  private static void heading(PrintStream o, String title) {
    o.println();
    o.println("== " + title);
  }
}
