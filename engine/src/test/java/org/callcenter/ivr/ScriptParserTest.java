package org.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.callcenter.support.IvrScripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script language is validated at load; errors name file, node and line; broken edits keep the old version. */
class ScriptParserTest {
    static final String GOOD = """
            start: hello
            nodes:
              hello:
                type: prompt
                play: [a, b]
                next: bye
              bye:
                type: hangup
            """;

    @Test
    void shippedScriptsLoad() throws Exception {
        for (String name : List.of("hotline", "survey")) {
            Path file = IvrScripts.shipped().resolve(name + ".yaml");
            IvrScript s = ScriptParser.parse(name, file.getFileName().toString(), Files.readString(file));
            assertThat(s.node(s.start())).isNotNull();
        }
    }

    @Test
    void everyProblemIsReportedWithFileNodeAndLine() {
        String text = """
                start: menu
                nodes:
                  menu:
                    type: menu
                    prompt: p
                    options:
                      "1": nowhere
                      "12": bye
                    retries: many
                    colour: blue
                  ask:
                    type: collect
                    prompt: p
                    store: x
                    next: bye
                    timeout: soon
                  odd:
                    type: teleport
                  bye:
                    type: hangup
                """;
        assertThatThrownBy(() -> ScriptParser.parse("t", "t.yaml", text))
                .isInstanceOf(ScriptException.class)
                .satisfies(e -> assertThat(((ScriptException) e).problems())
                        .contains(
                                "t.yaml:10: node 'menu': 'colour' is not a field of menu",
                                "t.yaml:9: node 'menu': 'retries' must be a whole number",
                                "t.yaml:7: node 'menu': option '12' is not one key (0-9, *, #)",
                                "t.yaml:4: node 'menu': option '1' names no node: 'nowhere'",
                                "t.yaml:12: node 'ask': collect needs 'max_digits'",
                                "t.yaml:16: node 'ask': 'soon' is not a duration like 5s or 1500ms")
                        .anyMatch(p -> p.startsWith("t.yaml:18: node 'odd': unknown type 'teleport'")));
    }

    @Test
    void brokenYamlAndMissingStart() {
        assertThatThrownBy(() -> ScriptParser.parse("t", "t.yaml", "start: [\nnodes: {"))
                .hasMessageStartingWith("t.yaml:")
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ScriptParser.parse("t", "t.yaml", "start: x\nnodes:\n  a:\n    type: hangup\n"))
                .hasMessage("t.yaml:1: 'start' names no node: 'x'");
    }

    @Test
    void changedFilesReloadAndABrokenEditKeepsTheOldVersion(@TempDir Path dir) throws Exception {
        List<String> outcomes = new ArrayList<>();
        ScriptRegistry registry = new ScriptRegistry(dir, (name, outcome) -> outcomes.add(name + ":" + outcome));
        Path file = dir.resolve("demo.yaml");
        Files.writeString(file, GOOD);
        assertThat(registry.refresh()).isEqualTo(1);
        assertThat(registry.get("demo").orElseThrow().node("hello").prompts("play"))
                .containsExactly("a", "b");

        Files.writeString(file, GOOD.replace("[a, b]", "[c]"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        registry.refresh();
        assertThat(registry.get("demo").orElseThrow().node("hello").prompts("play"))
                .containsExactly("c");

        Files.writeString(file, GOOD.replace("type: hangup", "type: nonsense"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        registry.refresh();
        assertThat(registry.get("demo").orElseThrow().node("hello").prompts("play"))
                .containsExactly("c");
        assertThat(outcomes).containsExactly("demo:ok", "demo:ok", "demo:invalid");

        Files.delete(file);
        registry.refresh();
        assertThat(registry.get("demo")).isEmpty();
    }
}
