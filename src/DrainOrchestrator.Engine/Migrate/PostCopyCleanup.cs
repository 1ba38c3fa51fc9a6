using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>Removes the post-copy marker label and the orchestrator-owned policy of one VMI (idempotent).</summary>
internal static class PostCopyCleanup
{
    public static async Task RemoveAsync(DrainContext context, AttemptRecord record, CancellationToken cancellationToken)
    {
        var policy = MigrationNaming.PostCopyPolicyName(context.DrainIdText, record.VmiUid);
        try
        {
            await context.Actions.SetVmiLabelAsync(record.VmiNamespace, record.VmiName, PostCopyPolicyDesigner.MarkerLabelKey, null, cancellationToken);
            await context.Actions.DeleteMigrationPolicyAsync(policy, cancellationToken);
            await context.Writer.WriteAsync(new PostCopyPolicyRemoved(record.VmiNamespace + "/" + record.VmiName, policy), null, cancellationToken);
        }
        catch (KubernetesApiException ex)
        {
            EngineLog.CleanupFailed(context.Logger, policy, ex.Message);
        }
    }
}
