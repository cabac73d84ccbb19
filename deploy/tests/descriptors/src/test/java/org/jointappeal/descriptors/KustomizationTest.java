package org.jointappeal.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A file kustomize does not list is never applied: every kustomization names all of its folder. */
class KustomizationTest {

  @Test
  void everyKustomizationListsEveryFileOfItsFolderAndOnlyFilesThatExist() {
    List<Path> kustomizations =
        Repo.kubernetesFiles().stream()
            .filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
            .toList();
    assertThat(kustomizations).hasSizeGreaterThanOrEqualTo(2);
    List<String> violations = new ArrayList<>();
    for (Path kustomization : kustomizations) {
      Path folder = kustomization.getParent();
      Object tree = Repo.documents(kustomization).get(0);
      Set<String> listed = new TreeSet<>();
      for (Object resource : Tree.listAt(tree, "resources")) {
        listed.add(String.valueOf(resource));
      }
      for (Object patch : Tree.listAt(tree, "patches")) {
        if (Tree.string(patch, "path") != null) {
          listed.add(Tree.string(patch, "path"));
        }
      }
      for (String entry : listed) {
        if (!Files.exists(folder.resolve(entry))) {
          violations.add(Repo.root().relativize(kustomization) + " lists missing " + entry);
        }
      }
      for (String file : yamlFiles(folder)) {
        if (!file.equals("kustomization.yaml") && !listed.contains(file)) {
          violations.add(Repo.root().relativize(kustomization) + " does not list " + file);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  /** A patch whose target is misspelt would make kustomize fail, or patch nothing. */
  @Test
  void everyOverlayPatchNamesAResourceOfTheBase() {
    Set<String> base = new TreeSet<>();
    Repo.baseResources().forEach(r -> base.add(r.kind() + "/" + r.name()));
    List<String> violations = new ArrayList<>();
    for (Path kustomization : Repo.kubernetesFiles()) {
      if (!kustomization.getFileName().toString().equals("kustomization.yaml")
          || kustomization.startsWith(Repo.kubernetesBase())) {
        continue;
      }
      Object tree = Repo.documents(kustomization).get(0);
      for (Object patch : Tree.listAt(tree, "patches")) {
        String path = Tree.string(patch, "path");
        if (path == null || !Files.exists(kustomization.resolveSibling(path))) {
          continue;
        }
        for (var resource : Repo.resources(kustomization.resolveSibling(path))) {
          if (!base.contains(resource.kind() + "/" + resource.name())) {
            violations.add(resource.where() + ": not in deploy/kubernetes/base");
          }
        }
      }
      for (Object replica : Tree.listAt(tree, "replicas")) {
        if (!base.contains("Deployment/" + Tree.string(replica, "name"))) {
          violations.add(kustomization + ": replicas for unknown " + Tree.string(replica, "name"));
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  private static List<String> yamlFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml") || f.endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
