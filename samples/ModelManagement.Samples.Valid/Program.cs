using System;
using System.Threading.Tasks;

namespace ModelManagement.Samples;

public static class Program
{
    public static async Task<int> Main()
    {
        await Task.Yield();
        Console.WriteLine("ModelManagement sample (Valid) ran.");
        return 0;
    }
}
