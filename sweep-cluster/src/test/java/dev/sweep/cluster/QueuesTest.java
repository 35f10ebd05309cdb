package dev.sweep.cluster;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.farm.JobQueue.Phase;
import dev.sweep.farm.JobQueue.TaskState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the queues read their schedulers' answers. SLURM's are lines this machine's SLURM 22.05 printed
 * (and the cluster test asks it for real); PBS Pro's and SGE's, which nothing here runs, follow
 * their manuals' layouts.
 */
class QueuesTest {
  @Test
  void squeueLinesGivePendingAndRunningTasks() {
    Map<String, TaskState> s = SlurmQueue.parseSqueue("1_0|RUNNING|None\n1_2|PENDING|JobArrayTaskLimit\n1_3|PENDING|"
        + "Priority\n1_4|COMPLETING|None\n");
    assertEquals(new TaskState(Phase.RUNNING, "RUNNING"), s.get("1_0"));
    assertEquals(new TaskState(Phase.QUEUED, "PENDING (JobArrayTaskLimit)"), s.get("1_2"));
    assertEquals(Phase.RUNNING, s.get("1_4").phase());
    assertEquals(4, s.size());
  }

  @Test
  void scontrolLinesSayHowTasksEnded() {
    String text = "JobId=4 ArrayJobId=1 ArrayTaskId=2 ArrayTaskThrottle=2 JobName=crop-job.sh UserId=root(0) "
        + "JobState=FAILED Reason=NonZeroExitCode Dependency=(null) ExitCode=3:0 RunTime=00:00:01\n"
        + "JobId=2 ArrayJobId=1 ArrayTaskId=0 ArrayTaskThrottle=2 JobName=crop-job.sh JobState=COMPLETED Reason=None"
        + " ExitCode=0:0 RunTime=00:00:00\n"
        + "JobId=5 ArrayJobId=1 ArrayTaskId=3 JobName=crop-job.sh JobState=CANCELLED Reason=None ExitCode=0:15\n"
        + "JobId=1 ArrayJobId=1 ArrayTaskId=4-7%2 JobState=PENDING Reason=JobArrayTaskLimit ExitCode=0:0\n";
    Map<String, String> s = SlurmQueue.parseScontrol(text);
    assertEquals(Map.of("1_2", "FAILED exit 3", "1_0", "COMPLETED exit 0", "1_3", "CANCELLED signal 15"), s);
  }

  @Test
  void qstatBlocksOfPbsProGiveEachSubjob() {
    String text = "Job Id: 1234[0].pbs01\n    Job_Name = lesson\n    job_state = F\n    Exit_status = 0\n\n"
        + "Job Id: 1234[1].pbs01\n    Job_Name = lesson\n    job_state = R\n\n"
        + "Job Id: 1234[2].pbs01\n    job_state = Q\n\n"
        + "Job Id: 1234[3].pbs01\n    job_state = F\n    Exit_status = 1\n";
    Map<String, TaskState> s = PbsQueue.parseQstat(text);
    assertEquals(new TaskState(Phase.ENDED, "job_state F exit 0"), s.get("1234[0].pbs01"));
    assertEquals(Phase.RUNNING, s.get("1234[1].pbs01").phase());
    assertEquals(Phase.QUEUED, s.get("1234[2].pbs01").phase());
    assertEquals(new TaskState(Phase.ENDED, "job_state F exit 1"), s.get("1234[3].pbs01"));
  }

  @Test
  void qstatOfSgeListsRunningTasksOneByOneAndPendingOnesAsRanges() {
    String text = "job-ID  prior   name       user         state submit/start at     queue                slots ja-task-ID\n"
        + "-----------------------------------------------------------------------------------------------------------\n"
        + "    812 0.55500 lesson     ana          r     05/06/2024 07:08:09 all.q@node1              1 1\n"
        + "    812 0.55500 lesson     ana          r     05/06/2024 07:08:09 all.q@node2              1 2\n"
        + "    812 0.00000 lesson     ana          qw    05/06/2024 07:08:00                          1 3-7:2\n"
        + "    813 0.00000 other      ana          qw    05/06/2024 07:08:00                          1\n";
    Map<String, TaskState> s = SgeQueue.parseQstat(text);
    assertEquals(Phase.RUNNING, s.get("812.1").phase());
    assertEquals(Phase.RUNNING, s.get("812.2").phase());
    assertEquals(new TaskState(Phase.QUEUED, "state qw"), s.get("812.3"));
    assertEquals(Phase.QUEUED, s.get("812.7").phase());
    assertNull(s.get("812.4"), "a range with a step of 2 skips 4");
    assertEquals(5, s.size());
  }
}
