package org.firewalldoors.compliance.internal.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.firewalldoors.compliance.internal.policy.CompiledPolicy;
import org.firewalldoors.compliance.internal.policy.PolicyCompiler;
import org.firewalldoors.compliance.internal.policy.PolicyException;

/**
 * {@code policy-eval}: measures a policy document on a labelled corpus and prints the figures and the misses.
 *
 * <pre>java ... PolicyEvaluation &lt;policy.json&gt; &lt;corpus .jsonl file or folder&gt; [test|train|all]</pre>
 */
public final class PolicyEvaluation {

    private PolicyEvaluation() {
    }

    /** Prints the report; exits 2 on bad arguments. */
    public static void main(String[] args) throws IOException, PolicyException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: PolicyEvaluation <policy.json> <corpus.jsonl or folder> [test|train|all]");
            System.exit(2);
        }
        CompiledPolicy policy = compile(Path.of(args[0]));
        System.out.print(Evaluation.of(policy, corpus(Path.of(args[1])), args.length > 2 ? args[2] : "test").report());
    }

    /** @return the compiled policy document at {@code path} */
    public static CompiledPolicy compile(Path path) throws IOException, PolicyException {
        // The document is a resource 'policy/<name>' of its bundle: the resources it names are beside the folder.
        Path root = path.toAbsolutePath().getParent().getParent();
        return PolicyCompiler.compile("policy/" + path.getFileName(), Files.readString(path, StandardCharsets.UTF_8),
                path.toString(), resource -> Files.readString(root.resolve(resource), StandardCharsets.UTF_8));
    }

    /** @return the rows of a {@code .jsonl} file, or of every {@code .jsonl} file of a folder, in name order */
    public static List<CorpusRow> corpus(Path path) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
            }
        } else {
            files.add(path);
        }
        List<CorpusRow> rows = new ArrayList<>();
        for (Path f : files) {
            rows.addAll(CorpusRow.parse(Files.readString(f, StandardCharsets.UTF_8)));
        }
        return rows;
    }
}
