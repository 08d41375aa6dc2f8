package dev.atomik.model.proof;

import de.uka.ilkd.key.control.DefaultUserInterfaceControl;
import de.uka.ilkd.key.control.KeYEnvironment;
import de.uka.ilkd.key.java.abstraction.KeYJavaType;
import de.uka.ilkd.key.logic.op.IObserverFunction;
import de.uka.ilkd.key.logic.op.IProgramMethod;
import de.uka.ilkd.key.proof.Proof;
import de.uka.ilkd.key.proof.Statistics;
import de.uka.ilkd.key.proof.io.ProblemLoaderException;
import de.uka.ilkd.key.settings.ChoiceSettings;
import de.uka.ilkd.key.settings.ProofSettings;
import de.uka.ilkd.key.settings.StrategySettings;
import de.uka.ilkd.key.speclang.Contract;
import de.uka.ilkd.key.speclang.FunctionalOperationContract;
import de.uka.ilkd.key.strategy.StrategyProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KeY 2.12.3 driven headless: load the model's source folder once, list the JML contracts of the
 * model's own types, prove each with a fixed automatic strategy and a step budget.
 */
final class KeyProver implements AutoCloseable {
    /** The package whose contracts are ours; everything else KeY lists (java.lang.*) is the JDK model. */
    static final String MODEL_PACKAGE = "dev.atomik.model";

    /**
     * Taclet options fixed before loading (they are read when the environment is built). Java
     * semantics for int and long: + - * wrap modulo 2^32 / 2^64 exactly as the JVM does, so a proof
     * is about the program that runs, and every contract that speaks of a count + 1 needs a
     * precondition that excludes the wrap (spec/trust-ledger.md). The rest are KeY's defaults,
     * written down so that a user's ~/.key settings cannot change what the build proves.
     */
    static final Map<String, String> TACLET_OPTIONS = Map.of(
            "intRules", "intRules:javaSemantics",
            "runtimeExceptions", "runtimeExceptions:ban",
            "initialisation", "initialisation:disableStaticInitialisation",
            "assertions", "assertions:safe",
            "JavaCard", "JavaCard:off",
            "Strings", "Strings:on");

    /**
     * Every option of KeY's automatic strategy, written out: an option left out is read from the
     * user's {@code ~/.key/proof-settings.json}, which KeY itself rewrites whenever a proof changes a
     * setting (found on 2026-11-25: an experiment's CLASS_AXIOM_OFF left there made proofs that close
     * on a clean machine stay open). Callees by their contracts (modular), loops by their
     * invariants, non-linear arithmetic by the operators' definitions, dependency contracts on, no
     * query expansion. Class axioms (the expansion of class invariants) are delayed until the
     * program is executed: otherwise KeY expands and instantiates the invariants in every branch of
     * the program (DeltaStream.addressCapacity, a getter: 8,245 nodes against 38). Quantifiers are
     * instantiated as KeY does by default: forbidding instantiations that split a goal left
     * CacheNode.get open (it needs the uniqueness clause of find instantiated, which splits).
     */
    static final Map<String, String> STRATEGY = strategy();

    private static Map<String, String> strategy() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(StrategyProperties.METHOD_OPTIONS_KEY, StrategyProperties.METHOD_CONTRACT);
        m.put(StrategyProperties.LOOP_OPTIONS_KEY, StrategyProperties.LOOP_INVARIANT);
        m.put(StrategyProperties.BLOCK_OPTIONS_KEY, StrategyProperties.BLOCK_CONTRACT_INTERNAL);
        m.put(StrategyProperties.NON_LIN_ARITH_OPTIONS_KEY, StrategyProperties.NON_LIN_ARITH_DEF_OPS);
        m.put(StrategyProperties.DEP_OPTIONS_KEY, StrategyProperties.DEP_ON);
        m.put(StrategyProperties.QUERY_OPTIONS_KEY, StrategyProperties.QUERY_OFF);
        m.put(StrategyProperties.QUERYAXIOM_OPTIONS_KEY, StrategyProperties.QUERYAXIOM_ON);
        m.put(StrategyProperties.CLASS_AXIOM_OPTIONS_KEY, StrategyProperties.CLASS_AXIOM_DELAYED);
        m.put(StrategyProperties.QUANTIFIERS_OPTIONS_KEY, StrategyProperties.QUANTIFIERS_NON_SPLITTING_WITH_PROGS);
        m.put(StrategyProperties.SPLITTING_OPTIONS_KEY, StrategyProperties.SPLITTING_DELAYED);
        m.put(StrategyProperties.OSS_OPTIONS_KEY, StrategyProperties.OSS_ON);
        m.put(StrategyProperties.MPS_OPTIONS_KEY, StrategyProperties.MPS_MERGE);
        m.put(StrategyProperties.AUTO_INDUCTION_OPTIONS_KEY, StrategyProperties.AUTO_INDUCTION_OFF);
        m.put(StrategyProperties.STOPMODE_OPTIONS_KEY, StrategyProperties.STOPMODE_DEFAULT);
        m.put(StrategyProperties.VBT_PHASE, StrategyProperties.VBT_SYM_EX);
        for (int i = 1; i <= 3; i++) {
            m.put(StrategyProperties.userTacletsOptionsKey(i), StrategyProperties.USER_TACLETS_OFF);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Strategy settings on top of the fixed ones, {@code -Datomik.key.strategy=KEY=VALUE,...} with
     * the names of KeY's {@code StrategyProperties} (for example
     * {@code CLASS_AXIOM_OPTIONS_KEY=CLASS_AXIOM_DELAYED}); for exploring what a proof needs, not
     * for the build.
     */
    static final Map<String, String> STRATEGY_OVERRIDES = parseOverrides(System.getProperty("atomik.key.strategy", ""));

    /** The strategy every proof of this run uses: {@link #STRATEGY} with the overrides on top. */
    static Map<String, String> effectiveStrategy() {
        Map<String, String> m = new LinkedHashMap<>(STRATEGY);
        m.putAll(STRATEGY_OVERRIDES);
        return m;
    }

    static Map<String, String> parseOverrides(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("atomik.key.strategy: expected KEY=VALUE, got '" + pair + "'");
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out;
    }

    /** Wall-clock guard per obligation, only against a hang: the step budget is what bounds a proof (a wall-clock budget would make the verdict depend on the machine's load). */
    static final long TIMEOUT_MILLIS = 1_800_000;

    private final KeYEnvironment<DefaultUserInterfaceControl> env;
    final double loadSeconds;
    /** Where the full text of the open goals of an unclosed proof is written (null: nowhere). */
    private Path openGoalDir;

    private KeyProver(KeYEnvironment<DefaultUserInterfaceControl> env, double loadSeconds) {
        this.env = env;
        this.loadSeconds = loadSeconds;
    }

    /** Loads every .java file under {@code sourceFolder} (and nothing else: no class path). */
    static KeyProver load(Path sourceFolder) throws KeyLoadException {
        isolateFromUserSettings();
        ChoiceSettings choices = ProofSettings.DEFAULT_SETTINGS.getChoiceSettings();
        Map<String, String> merged = new HashMap<>(choices.getDefaultChoices());
        merged.putAll(TACLET_OPTIONS);
        choices.setDefaultChoices(merged);
        long start = System.nanoTime();
        try {
            KeYEnvironment<DefaultUserInterfaceControl> env = KeYEnvironment.load(sourceFolder.toFile(), null, null, null);
            return new KeyProver(env, (System.nanoTime() - start) / 1e9);
        } catch (ProblemLoaderException | RuntimeException e) {
            throw new KeyLoadException("KeY could not load " + sourceFolder + ": " + LoadErrors.describe(e));
        }
    }

    /**
     * KeY reads and rewrites settings under {@code ~/.key}: point it at a fresh directory instead,
     * so that neither the user's settings change what the build proves nor the build changes them.
     */
    private static void isolateFromUserSettings() throws KeyLoadException {
        try {
            de.uka.ilkd.key.settings.PathConfig.setKeyConfigDir(
                    java.nio.file.Files.createTempDirectory("atomik-key-settings").toString());
        } catch (java.io.IOException e) {
            throw new KeyLoadException("could not create a settings directory for KeY: " + e.getMessage());
        }
    }

    /** Writes the open goals of every proof that does not close to {@code dir/<obligation>.txt}. */
    void writeOpenGoalsTo(Path dir) {
        this.openGoalDir = dir;
    }

    /** The taclet options the loaded environment actually uses (checked by the test, written to the report). */
    Map<String, String> activeChoices() {
        Map<String, String> active = new HashMap<>();
        for (de.uka.ilkd.key.logic.Choice choice : env.getInitConfig().getActivatedChoices()) {
            active.put(choice.category(), choice.name().toString());
        }
        return active;
    }

    /**
     * Every spec case of every method declared in the model's package, in a stable order. Contracts
     * that a model class only inherits from the JDK model (Throwable's, for AtomikError) are not
     * ours and are listed separately by {@link #inheritedContracts()}.
     */
    List<Obligation> obligations() {
        List<Contract> ours = new ArrayList<>();
        for (KeYJavaType type : env.getJavaInfo().getAllKeYJavaTypes()) {
            if (!inModel(type)) {
                continue;
            }
            for (IObserverFunction target : env.getSpecificationRepository().getContractTargets(type)) {
                for (Contract c : env.getSpecificationRepository().getContracts(type, target)) {
                    if (declaredInModel(c)) {
                        ours.add(c);
                    }
                }
            }
        }
        ours.sort(Comparator.comparing(Contract::getName));
        return name(ours);
    }

    /** KeY names of contracts that model types inherit from library types (not proved here). */
    List<String> inheritedContracts() {
        List<String> names = new ArrayList<>();
        for (KeYJavaType type : env.getJavaInfo().getAllKeYJavaTypes()) {
            if (!inModel(type)) {
                continue;
            }
            for (IObserverFunction target : env.getSpecificationRepository().getContractTargets(type)) {
                for (Contract c : env.getSpecificationRepository().getContracts(type, target)) {
                    if (!declaredInModel(c)) {
                        names.add(c.getName());
                    }
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static boolean inModel(KeYJavaType type) {
        String name = type.getFullName();
        return name.startsWith(MODEL_PACKAGE + ".") && name.indexOf('.', MODEL_PACKAGE.length() + 1) < 0;
    }

    private static boolean declaredInModel(Contract c) {
        if (!inModel(c.getTarget().getContainerType())) {
            return false;
        }
        return !(c instanceof FunctionalOperationContract)
                || inModel(((FunctionalOperationContract) c).getSpecifiedIn());
    }

    /** Gives each contract its obligation id; see {@link Obligation}. */
    private static List<Obligation> name(List<Contract> contracts) {
        Map<String, Integer> perKind = new HashMap<>();
        List<String[]> parts = new ArrayList<>();
        for (Contract c : contracts) {
            String cls = simpleName(c.getTarget().getContainerType().getFullName());
            String method = methodName(c.getTarget());
            List<String> params = paramTypes(c.getTarget());
            String kind = kind(c);
            parts.add(new String[] {cls, method, String.join(",", params), kind});
        }
        Map<String, java.util.Set<String>> signatures = new HashMap<>();
        for (String[] p : parts) {
            signatures.computeIfAbsent(p[0] + "#" + p[1], k -> new java.util.TreeSet<>()).add(p[2]);
        }
        for (String[] p : parts) {
            perKind.merge(base(p, signatures), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Obligation> out = new ArrayList<>();
        for (int i = 0; i < contracts.size(); i++) {
            String[] p = parts.get(i);
            String base = base(p, signatures);
            int n = seen.merge(base, 1, Integer::sum);
            String id = perKind.get(base) > 1 ? base + "_" + n : base;
            List<String> params = p[2].isEmpty() ? List.of() : List.of(p[2].split(","));
            out.add(new Obligation(id, p[0], p[1], params, p[3], contracts.get(i).getName(), contracts.get(i)));
        }
        return out;
    }

    private static String base(String[] p, Map<String, java.util.Set<String>> signatures) {
        boolean overloaded = signatures.get(p[0] + "#" + p[1]).size() > 1;
        String params = p[2].isEmpty() ? "void" : p[2].replace("[]", "Array").replace(',', '_');
        return p[0] + "_" + p[1] + (overloaded ? "_" + params : "") + "_" + p[3];
    }

    private static String kind(Contract c) {
        String name = c.getName();
        if (name.contains("exceptional_behavior")) {
            return "exceptional";
        }
        if (name.contains("normal_behavior")) {
            return "normal";
        }
        return c instanceof FunctionalOperationContract ? "behavior" : "dependency";
    }

    private static String methodName(IObserverFunction target) {
        String name = target instanceof IProgramMethod ? ((IProgramMethod) target).getName() : target.name().toString();
        int colons = name.lastIndexOf("::");
        return colons >= 0 ? name.substring(colons + 2) : name;
    }

    private static List<String> paramTypes(IObserverFunction target) {
        List<String> types = new ArrayList<>();
        for (KeYJavaType t : target.getParamTypes()) {
            types.add(sourceTypeName(t.getFullName()));
        }
        return types;
    }

    /** KeY spells array types as JVM descriptors ({@code [B}); the source spells them {@code byte[]}. */
    static String sourceTypeName(String keyName) {
        int dims = 0;
        while (dims < keyName.length() && keyName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return simpleName(keyName);
        }
        String element = keyName.substring(dims);
        switch (element) {
            case "B": element = "byte"; break;
            case "C": element = "char"; break;
            case "S": element = "short"; break;
            case "I": element = "int"; break;
            case "J": element = "long"; break;
            case "Z": element = "boolean"; break;
            case "F": element = "float"; break;
            case "D": element = "double"; break;
            default: element = simpleName(element.replaceAll("^L|;$", ""));
        }
        return element + "[]".repeat(dims);
    }

    static String simpleName(String fullName) {
        int dot = fullName.lastIndexOf('.');
        return dot < 0 ? fullName : fullName.substring(dot + 1);
    }

    /**
     * Proves one obligation with the automatic strategy: callees by their contracts (modular),
     * loops by their invariants, non-linear arithmetic by the definitions of the operators only.
     */
    ProofResult prove(Obligation o, List<String> clauses, int maxSteps) {
        long start = System.nanoTime();
        Proof proof = null;
        try {
            proof = env.createProof(o.contract().createProofObl(env.getInitConfig(), o.contract()));
            StrategySettings settings = proof.getSettings().getStrategySettings();
            StrategyProperties sp = settings.getActiveStrategyProperties();
            effectiveStrategy().forEach(sp::setProperty);
            settings.setActiveStrategyProperties(sp);
            settings.setMaxSteps(maxSteps);
            settings.setTimeout(TIMEOUT_MILLIS);
            proof.setActiveStrategy(proof.getServices().getProfile().getDefaultStrategyFactory().create(proof, sp));
            env.getProofControl().startAndWaitForAutoMode(proof);
            Statistics stats = proof.getStatistics();
            int open = proof.openGoals().size();
            String status = proof.closed() ? ProofResult.CLOSED : ProofResult.OPEN;
            String detail = proof.closed() ? "" : open + " open goal(s) after " + stats.totalRuleApps + " rule applications";
            if (!proof.closed()) {
                // The goals go to a file (they run to pages); the console names the file.
                writeOpenGoals(o, proof);
            }
            return new ProofResult(o, clauses, status, proof.countNodes(), stats.totalRuleApps, open, maxSteps,
                    seconds(start), detail);
        } catch (Exception | StackOverflowError e) {
            return new ProofResult(o, clauses, ProofResult.ERROR, 0, 0, 0, maxSteps, seconds(start),
                    LoadErrors.describe(e));
        } finally {
            if (proof != null) {
                proof.dispose();
            }
        }
    }

    /** The first few open goals in full, one per paragraph, for whoever edits the contract. */
    private void writeOpenGoals(Obligation o, Proof proof) {
        if (openGoalDir == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (de.uka.ilkd.key.proof.Goal g : proof.openGoals()) {
            if (n++ == 5) {
                break;
            }
            sb.append("=== open goal ").append(n).append(" (node ").append(g.node().serialNr()).append(")\n")
              .append(g.sequent().toString()).append("\n\n");
        }
        Path file = openGoalDir.resolve(o.id() + ".txt");
        ProofReport.write(file, sb.toString());
        System.out.println("KeY open goals of " + o.id() + ": " + file);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        env.dispose();
    }

    /** Obligation ids by signature, for tests and the registry check. */
    static Map<String, Obligation> byId(List<Obligation> obligations) {
        Map<String, Obligation> map = new LinkedHashMap<>();
        for (Obligation o : obligations) {
            map.put(o.id(), o);
        }
        return map;
    }
}
