/**
 * JMH benchmarks of the reference model's hot operations (ACCUM, READ, LOAD, SWAP on a Context, a
 * Table and a DeltaStream with 16 touched addresses; DeltaMessage encode/decode). Class names end in
 * {@code Benchmark}, never {@code Test}, so Surefire never runs them during {@code mvn verify}. Run them
 * with the {@code bench} profile of model/pom.xml; model/BENCHMARKS.md has the command and results.
 *
 * <p>Every fork runs with a fixed, pre-touched 1 GiB heap ({@code -Xms1g -Xmx1g -XX:+AlwaysPreTouch}).
 * On the project's virtual machines the first write to each fresh heap page is very slow, and without
 * pre-touching an allocating benchmark (encode, decode, stream ACCUM) measured ~500 ns/op of page
 * faults instead of ~30 ns/op of work.
 */
package dev.atomik.model.bench;
