package org.jointappeal.descriptors;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The checkout under test and its descriptors, read as plain YAML trees. */
final class Repo {

  static final List<String> SERVICES =
      List.of("appeal-service", "pledge-service", "notification-service");

  private Repo() {}

  static Path root() {
    String root =
        Objects.requireNonNull(
            System.getProperty("descriptors.repo-root"),
            "descriptors.repo-root is not set (run through Maven)");
    return Path.of(root).toAbsolutePath().normalize();
  }

  static Path compose() {
    return root().resolve("deploy/compose/compose.yaml");
  }

  static Path kubernetes() {
    return root().resolve("deploy/kubernetes");
  }

  static Path kubernetesBase() {
    return kubernetes().resolve("base");
  }

  static Map<String, Object> composeFile() {
    return Tree.map(documents(compose()).get(0));
  }

  /** Every YAML file under deploy/kubernetes (base and overlays). */
  static List<Path> kubernetesFiles() {
    try (Stream<Path> files = Files.walk(kubernetes())) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Kubernetes objects of the base, as the operators and the API server receive them. */
  static List<Resource> baseResources() {
    return kubernetesFiles().stream()
        .filter(f -> f.startsWith(kubernetesBase()))
        .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
        .flatMap(f -> resources(f).stream())
        .toList();
  }

  /** The Kubernetes objects (or patches) of every file, base and overlays. */
  static List<Resource> allResources() {
    return kubernetesFiles().stream()
        .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
        .flatMap(f -> resources(f).stream())
        .toList();
  }

  static List<Resource> resources(Path file) {
    List<Resource> resources = new ArrayList<>();
    for (Object document : documents(file)) {
      if (document != null) {
        resources.add(new Resource(file, Tree.map(document)));
      }
    }
    return resources;
  }

  static List<Object> documents(Path file) {
    var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    try (Reader reader = Files.newBufferedReader(file)) {
      List<Object> documents = new ArrayList<>();
      yaml.loadAll(reader).forEach(documents::add);
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
    }
  }

  /** One Kubernetes object: kind, name and its tree. */
  record Resource(Path file, Map<String, Object> tree) {

    String kind() {
      return Tree.string(tree, "kind");
    }

    String name() {
      return Tree.string(tree, "metadata", "name");
    }

    boolean is(String kind) {
      return kind.equals(kind());
    }

    String where() {
      return kind() + " " + name() + " (" + root().relativize(file) + ")";
    }
  }
}
