// One journey at a time: each starts its own app with a seeded demo tenant and drives Chromium, and two of them side
// by side on a two-core machine made page loads time out under load.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
