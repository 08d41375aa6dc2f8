/**
 * JMH benchmarks of the reference model's hot operations (ACCUM, READ, LOAD, SWAP on a Context, a
 * Table and a DeltaStream with 16 touched addresses; DeltaMessage encode/decode). Class names end in
 * {@code Benchmark}, never {@code Test}, so Surefire never runs them during {@code mvn verify}. Run them
 * with the {@code bench} profile of model/pom.xml; model/BENCHMARKS.md has the command and results.
 */
package dev.atomik.model.bench;
