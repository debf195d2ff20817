using Xunit;

// These tests stop and restart the shared servers and the platform's processes: one at a time, always.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
