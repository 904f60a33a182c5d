import Dispatch

/// Independent pieces of work run side by side on the machine's cores, each keeping its own result.
///
/// Building the lexicon's phrase matchers is most of a one-article run's start-up; the matchers do not depend on
/// each other, so they are built concurrently. `run()` returns once every job is done, so results are read after.
final class ConcurrentJobs {
    private var jobs: [any RunnableJob] = []

    /// Adds a job; its result is read from the returned handle after `run()`.
    func add<T: Sendable>(_ work: @escaping @Sendable () -> T) -> Job<T> {
        let job = Job(work)
        jobs.append(job)
        return job
    }

    /// Runs every job added, largest first as added, and returns when all are done.
    func run() {
        let jobs = JobList(jobs: jobs)
        DispatchQueue.concurrentPerform(iterations: jobs.jobs.count) { jobs.jobs[$0].run() }
    }

    /// One job's work and, once run, its result.
    final class Job<T: Sendable>: RunnableJob, @unchecked Sendable {
        private let work: @Sendable () -> T
        private var result: T?

        fileprivate init(_ work: @escaping @Sendable () -> T) { self.work = work }

        /// Runs the work (once, on whichever thread `run()` gives it).
        func run() { result = work() }

        /// The result (the job must have run).
        var value: T { result! }
    }

    /// The jobs handed to the worker threads; each index is run by exactly one thread.
    private struct JobList: @unchecked Sendable {
        let jobs: [any RunnableJob]
    }
}

/// A job `ConcurrentJobs` can run without knowing its result type.
protocol RunnableJob: AnyObject {
    func run()
}
