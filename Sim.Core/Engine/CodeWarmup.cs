using System.Reflection;
using System.Runtime.CompilerServices;

namespace NeuroSim.Core.Engine;

/// <summary>
/// Compiles the step code before the clock starts: every non-generic method of the given types is handed to
/// the JIT once, so the first simulated steps run compiled code and a run's build time, not its simulation
/// time, carries the compilation (as Brian2's C++ compile is part of its build).
/// </summary>
public static class CodeWarmup
{
    private static readonly HashSet<Type> Done = [];

    /// <summary>Prepares the methods declared by each type (once per type per process).</summary>
    public static void Prepare(params Type[] types)
    {
        foreach (var type in types)
        {
            lock (Done)
            {
                if (!Done.Add(type))
                {
                    continue;
                }
            }

            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
                                     BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all))
            {
                if (!method.IsAbstract && !method.ContainsGenericParameters)
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                }
            }
        }
    }
}
