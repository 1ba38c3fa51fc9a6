namespace DrainOrchestrator.Engine.Workflow;

/// <summary>The steps of a drain, in order; each is journaled as <c>step.completed</c> once done, and named in its progress (<see cref="Progress.DrainProgress.Step"/>).</summary>
public static class DrainSteps
{
    public const string Validate = "validate";
    public const string Lock = "lock";
    public const string Cordon = "cordon";
    public const string Plan = "plan";
    public const string Migrate = "migrate";
    public const string Verify = "verify";
    public const string Finish = "finish";
}
