import java.lang.reflect.*; import java.net.*; import java.nio.file.*; import java.util.*;
/**
 * P1 decision latency of two or more builds, timed interleaved in one JVM so that they share the machine's load:
 * each build's benchmarks.jar (plus, optionally, a folder whose policy/us.json overrides the shipped one) in a class
 * loader of its own; rounds of 10,000 single decisions of the P1 operation mix, alternating A-B-B-A; percentiles over
 * all decisions. Usage (after {@code mvn -o -B -q verify -DskipTests -pl benchmarks -am} in each tree):
 * <pre>javac -d target/ib tools/bench/InterleavedDecisions.java
 * java -Drounds=60 -cp target/ib InterleavedDecisions main=../main/benchmarks/target/benchmarks.jar \
 *      branch=benchmarks/target/benchmarks.jar</pre>
 */
public class InterleavedDecisions {
  static final boolean PER_OP = Boolean.getBoolean("perOp");
  static final class Side { String name; Object engine, policy; Object[] ops; Method decide; List<long[]> samples = new ArrayList<>(); int next; Map<Object, List<Long>> perOp = new IdentityHashMap<>(); }
  static Side side(String name, URL... urls) throws Exception {
    Side s = new Side(); s.name = name;
    ClassLoader cl = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    Class<?> fx = cl.loadClass("org.firewalldoors.benchmarks.Fixtures");
    s.policy = fx.getMethod("usPolicy").invoke(null);
    Object users = fx.getMethod("users").invoke(null);
    Class<?> pe = cl.loadClass("org.firewalldoors.compliance.internal.policy.PolicyEngine");
    s.engine = pe.getConstructor(java.util.function.Function.class).newInstance(users);
    Method seq = cl.loadClass("org.firewalldoors.benchmarks.OperationMix").getMethod("sequence"); seq.setAccessible(true);
    s.ops = (Object[]) seq.invoke(null);
    for (Method m : pe.getMethods()) if (m.getName().equals("decide") && m.getParameterCount() == 2) s.decide = m;
    return s;
  }
  static void run(Side s, int n) throws Exception {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) { Object op = s.ops[s.next]; s.next = s.next + 1 == s.ops.length ? 0 : s.next + 1;
      long a = System.nanoTime(); s.decide.invoke(s.engine, s.policy, op); t[i] = System.nanoTime() - a; if (PER_OP) s.perOp.computeIfAbsent(op, k -> new ArrayList<>()).add(t[i]); }
    s.samples.add(t);
  }
  /** With -DperOp=true: each operation's p50 and p99 per build, in the order of the mix (which build a slowdown is in). */
  static void perOp(List<Side> sides) {
    Side first = sides.get(0);
    Map<Object, String> names = new HashMap<>();
    try {
      Method samples = first.ops[0].getClass().getClassLoader().loadClass("org.firewalldoors.benchmarks.OperationMix").getDeclaredMethod("samples");
      samples.setAccessible(true);
      for (Object sample : (List<?>) samples.invoke(null)) { Method n = sample.getClass().getDeclaredMethod("name"), o = sample.getClass().getDeclaredMethod("operation"); n.setAccessible(true); o.setAccessible(true); names.put(o.invoke(sample), (String) n.invoke(sample)); }
    } catch (ReflectiveOperationException e) { throw new IllegalStateException(e); }
    Set<Object> done = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < first.ops.length; i++) {
      if (!done.add(first.ops[i])) continue;
      StringBuilder b = new StringBuilder(String.format("op %3d", i));
      for (Side s : sides) { long[] x = s.perOp.getOrDefault(s.ops[i], List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
        if (x.length > 0) b.append(String.format("  %s p50=%.2f p99=%.2f", s.name, x[x.length / 2] / 1e3, x[(int) (x.length * 0.99)] / 1e3)); }
      System.out.println(b.append("  ").append(names.getOrDefault(first.ops[i], String.valueOf(first.ops[i]).replaceAll(".*?action=", "").replaceAll("\\s+", " ").substring(0, Math.min(200, String.valueOf(first.ops[i]).replaceAll(".*?action=", "").length())))));
    }
  }
  public static void main(String[] args) throws Exception {
    List<Side> sides = new ArrayList<>();
    for (String a : args) { String[] p = a.split("=", 2); List<URL> urls = new ArrayList<>(); for (String f : p[1].split(":")) urls.add(Path.of(f).toUri().toURL()); sides.add(side(p[0], urls.toArray(new URL[0]))); }
    for (int w = 0; w < 40; w++) for (Side s : sides) run(s, 5000);  // warm-up
    for (Side s : sides) s.samples.clear();
    int rounds = Integer.getInteger("rounds", 60);
    for (int r = 0; r < rounds; r++) {
      List<Side> order = new ArrayList<>(sides); if (r % 2 == 1) Collections.reverse(order);  // A-B-B-A...
      for (Side s : order) run(s, 10000);
    }
    for (Side s : sides) {
      long[] all = s.samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      // per-round medians, to show the spread the load causes
      double[] med = s.samples.stream().mapToDouble(x -> { long[] c = x.clone(); Arrays.sort(c); return c[c.length / 2]; }).sorted().toArray();
      System.out.printf("%-6s n=%d p50=%.2f us p90=%.2f us p99=%.2f us p99.9=%.1f us mean=%.2f us | round medians: min %.2f median %.2f max %.2f us%n",
        s.name, all.length, all[all.length/2]/1e3, all[(int)(all.length*0.9)]/1e3, all[(int)(all.length*0.99)]/1e3, all[(int)(all.length*0.999)]/1e3,
        Arrays.stream(all).average().getAsDouble()/1e3, med[0]/1e3, med[med.length/2]/1e3, med[med.length-1]/1e3);
    }
    if (PER_OP) perOp(sides);
  }
}
