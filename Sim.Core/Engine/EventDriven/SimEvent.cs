namespace NeuroSim.Core.Engine.EventDriven;

/// <summary>One queued event: its time (ms), kind, insertion number (for ties) and two payload integers.</summary>
public readonly record struct SimEvent(double Time, EventKind Kind, long Sequence, int A, int B);
