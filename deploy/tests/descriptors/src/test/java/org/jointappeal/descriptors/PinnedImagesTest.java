package org.jointappeal.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every image is pinned to a version: no tag means latest, and latest is whatever was pushed last,
 * so two nodes (or two restarts) could run different code.
 */
class PinnedImagesTest {

  @Test
  void everyImageInComposeAndKubernetesNamesAVersion() {
    List<String> images = new ArrayList<>();
    collectImages(Repo.compose(), Repo.composeFile(), images);
    for (Path file : Repo.kubernetesFiles()) {
      for (Object document : Repo.documents(file)) {
        collectImages(file, document, images);
      }
    }
    assertThat(images).as("images found").anyMatch(i -> i.contains("jointappeal/appeal-service"));
    assertThat(images.stream().filter(i -> !pinned(i.substring(i.indexOf(' ') + 1))).toList())
        .isEmpty();
  }

  @Test
  void everyKustomizeImageOverrideNamesAVersion() {
    List<String> violations = new ArrayList<>();
    for (Path file : Repo.kubernetesFiles()) {
      if (!file.getFileName().toString().equals("kustomization.yaml")) {
        continue;
      }
      for (Object override : Tree.listAt(Repo.documents(file).get(0), "images")) {
        String tag = Tree.string(override, "newTag");
        String digest = Tree.string(override, "digest");
        if (digest == null && (tag == null || tag.isBlank() || tag.equals("latest"))) {
          violations.add(Repo.root().relativize(file) + ": " + Tree.string(override, "name"));
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  static boolean pinned(String image) {
    if (image.contains("@sha256:")) {
      return true;
    }
    String lastSegment = image.substring(image.lastIndexOf('/') + 1);
    int colon = lastSegment.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String tag = lastSegment.substring(colon + 1);
    return !tag.isBlank() && !tag.equals("latest") && !tag.contains("${");
  }

  /** Every value of a field named image or imageName (CloudNativePG), anywhere in the tree. */
  private static void collectImages(Path file, Object node, List<String> images) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if (("image".equals(key) || "imageName".equals(key)) && value instanceof String s) {
              images.add(Repo.root().relativize(file) + " " + s);
            } else {
              collectImages(file, value, images);
            }
          });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectImages(file, item, images));
    }
  }
}
