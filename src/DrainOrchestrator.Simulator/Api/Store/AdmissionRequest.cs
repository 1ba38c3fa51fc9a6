using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Resources;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>What an admission hook is asked to admit.</summary>
/// <param name="Operation">Create, update or delete.</param>
/// <param name="Type">The resource type.</param>
/// <param name="Object">
/// The object about to be committed, mutable: a mutating hook may change it (add labels, finalizers). For a delete,
/// the stored object (changes are ignored).
/// </param>
/// <param name="OldObject">The stored version for update and delete; null for create.</param>
/// <param name="Options">Who writes and how.</param>
/// <param name="Store">Read access to the store as it is now, inside the write.</param>
public sealed record AdmissionRequest(
    AdmissionOperation Operation,
    ResourceType Type,
    JsonObject Object,
    StoredObject? OldObject,
    WriteOptions Options,
    IObjectStoreReader Store);
