using System.Text.Json;
using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Engine.Policy;

/// <summary>The unversioned policy documents of drains recorded before <see cref="PolicyDocument.CurrentVersion"/> 1.</summary>
internal static class LegacyPolicy
{
    public static DrainPolicy Read(JsonElement root)
    {
        var policy = new DrainPolicy();
        var failure = new FailurePolicy();
        foreach (var p in root.EnumerateObject())
        {
            var v = p.Value;
            switch (p.Name)
            {
                case "maxParallelMigrations": policy = policy with { MaxParallelMigrations = v.GetInt32() }; break;
                case "maxOutboundPerNode": policy = policy with { MaxOutboundPerNode = v.GetInt32() }; break;
                case "maxInboundPerNode": policy = policy with { MaxInboundPerNode = v.GetInt32() }; break;
                case "allowAboveClusterLimits": policy = policy with { AllowAboveClusterLimits = v.GetBoolean() }; break;
                case "uncordonOnFailure": policy = policy with { UncordonOnFailure = v.GetBoolean() }; break;
                case "waveMode": policy = policy with { WaveMode = Enum.Parse<WaveMode>(v.GetString()!, ignoreCase: true) }; break;
                case "nonMigratable": policy = policy with { NonMigratableAction = Enum.Parse<NonMigratableAction>(v.GetString()!, ignoreCase: true) }; break;
                case "maxAttempts": failure = failure with { MaxAttempts = v.GetInt32() }; break;
                case "initialBackoffSeconds": failure = failure with { InitialBackoff = TimeSpan.FromSeconds(v.GetDouble()) }; break;
                case "maxBackoffSeconds": failure = failure with { MaxBackoff = TimeSpan.FromSeconds(v.GetDouble()) }; break;
                case "postCopyFallback": failure = failure with { PostCopyFallback = v.GetBoolean() }; break;
                default: break;
            }
        }

        return policy with { Failure = failure };
    }
}
