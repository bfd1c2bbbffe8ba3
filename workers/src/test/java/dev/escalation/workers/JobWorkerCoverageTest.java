package dev.escalation.workers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.modelcheck.BpmnModelCheck;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/** The model check's last rule: every job type in every deployed model has exactly one worker class. */
class JobWorkerCoverageTest {

  @Test
  void everyJobTypeOfEveryDeployedModelHasAWorkerAndEveryWorkerClassHandlesOneType() throws Exception {
    Map<String, List<String>> workersByType = workerClassesByJobType();
    Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
    assertThat(models).isNotEmpty();

    Set<String> modelTypes = new TreeSet<>();
    for (Resource model : models) {
      try (var in = model.getInputStream()) {
        var instance = Bpmn.readModelFromStream(in);
        assertThat(BpmnModelCheck.violations(instance, workersByType.keySet())).as(model.getFilename()).isEmpty();
        modelTypes.addAll(BpmnModelCheck.jobTypes(instance));
      }
    }
    assertThat(workersByType).allSatisfy((type, classes) -> assertThat(classes).as(type).hasSize(1));
    assertThat(workersByType.keySet()).as("workers without a model task").isEqualTo(modelTypes);
  }

  static Map<String, List<String>> workerClassesByJobType() throws ClassNotFoundException {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Map<String, List<String>> byType = new HashMap<>();
    for (var candidate : scanner.findCandidateComponents("dev.escalation.workers")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      int handlers = 0;
      for (Method method : type.getDeclaredMethods()) {
        JobWorker worker = method.getAnnotation(JobWorker.class);
        if (worker != null) {
          handlers++;
          byType.computeIfAbsent(worker.type(), t -> new ArrayList<>()).add(type.getSimpleName());
        }
      }
      assertThat(handlers).as("job handlers in %s", type.getSimpleName()).isLessThanOrEqualTo(1);
    }
    return byType;
  }
}
