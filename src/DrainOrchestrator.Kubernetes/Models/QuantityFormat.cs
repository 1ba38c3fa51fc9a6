namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The suffix family a Kubernetes quantity is written in.</summary>
public enum QuantityFormat
{
    /// <summary>Powers of ten with SI letters: <c>n u m "" k M G T P E</c>, e.g. <c>500m</c>, <c>2G</c>.</summary>
    DecimalSI,

    /// <summary>Powers of two: <c>Ki Mi Gi Ti Pi Ei</c>, e.g. <c>4Gi</c>.</summary>
    BinarySI,

    /// <summary>Scientific notation: <c>e</c> or <c>E</c> and an exponent, e.g. <c>1e3</c>.</summary>
    DecimalExponent,
}
