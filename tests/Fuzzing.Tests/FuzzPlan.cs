using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DoorbellGuard.Fuzzing.Tests;

/// <summary>
/// Which inputs one fuzzing run feeds: every seed as it is, then half the budget in truncations at token
/// boundaries (all of them when they fit, else a seeded sample), then random mutations for the rest.
/// </summary>
public static class FuzzPlan
{
    /// <summary>The environment variable that sets the number of inputs for a dedicated run (e.g. 10000).</summary>
    public const string BudgetVariable = "DOORBELLGUARD_FUZZ";

    /// <summary>The environment variable that changes the seed (default <see cref="DefaultSeed"/>).</summary>
    public const string SeedVariable = "DOORBELLGUARD_FUZZ_SEED";

    public const int DefaultSeed = 20261124;

    public static int BudgetFromEnvironment(int defaultBudget)
    {
        var text = Environment.GetEnvironmentVariable(BudgetVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultBudget;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int budget) || budget < 1)
        {
            throw new ArgumentException($"{BudgetVariable}={text}: give the number of fuzzing inputs as a positive whole number, for example {BudgetVariable}=10000.");
        }
        return budget;
    }

    public static int SeedFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(SeedVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultSeed;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int seed))
        {
            throw new ArgumentException($"{SeedVariable}={text}: give the seed as a whole number, for example {SeedVariable}=42.");
        }
        return seed;
    }

    public static IEnumerable<FuzzInput> Inputs(IReadOnlyList<SeedSource> seeds, int budget, int seed)
    {
        if (seeds.Count == 0)
        {
            yield break;
        }
        int produced = 0;
        foreach (var source in seeds)
        {
            if (produced++ >= budget)
            {
                yield break;
            }
            yield return new FuzzInput(source.Origin + ": as written", source.Text);
        }

        int truncationBudget = (budget - produced) / 2;
        var truncations = seeds.SelectMany(Mutator.TruncationsAtEveryTokenBoundary).ToList();
        if (truncations.Count > truncationBudget)
        {
            var random = new Random(seed);
            truncations = truncations.OrderBy(_ => random.Next()).Take(truncationBudget).ToList();
        }
        foreach (var truncation in truncations)
        {
            produced++;
            yield return truncation;
        }

        var mutationRandom = new Random(unchecked(seed * 31 + 7));
        while (produced < budget)
        {
            produced++;
            var mutation = Mutator.RandomMutation(seeds[mutationRandom.Next(seeds.Count)], mutationRandom);
            // One input in four also carries .editorconfig options, valid or broken.
            yield return mutationRandom.Next(4) == 0 ? mutation with { Options = FuzzOptions.Random(mutationRandom) } : mutation;
        }
    }
}
