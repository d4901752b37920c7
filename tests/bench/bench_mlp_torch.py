# The same training rounds as pl_bench_mlp in Debian's PyTorch (python3-torch, float32, one thread): MLP, ReLU,
# softmax cross-entropy, batch 64, 2,000 seeded random inputs with random labels, whole epochs for about 3 s.
# Prints `{"bench":"<name>_torch","samples_per_s":N}` per configuration; run_bench.sh divides by it.
# Run with Debian's interpreter (/usr/bin/python3), which has python3-torch.
import json
import time

import torch

BUDGET_S = 3.0


def run(name, sizes, optimizer, lr):
    torch.manual_seed(1234)
    n, batch = 2000, 64
    x = torch.rand(n, sizes[0])
    labels = torch.randint(0, sizes[-1], (n,))
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i + 2 < len(sizes):
            layers.append(torch.nn.ReLU())
    net = torch.nn.Sequential(*layers)
    opt = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam}[optimizer](net.parameters(), lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    samples, start, elapsed = 0, time.perf_counter(), 0.0
    while elapsed < BUDGET_S:
        order = torch.randperm(n)
        for first in range(0, n, batch):
            idx = order[first:first + batch]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(net(x[idx]), labels[idx])
            loss.backward()
            opt.step()
            samples += len(idx)
        elapsed = time.perf_counter() - start
    per_s = samples / elapsed
    shape = "-".join(map(str, sizes))
    print(f"bench_{name}_torch: {per_s:.0f} samples/s ({shape}, {optimizer}, batch {batch}, PyTorch "
          f"{torch.__version__} float32, {torch.get_num_threads()} thread)")
    print(json.dumps({"bench": f"{name}_torch", "samples_per_s": round(per_s)}, separators=(",", ":")))


torch.set_num_threads(1)
run("mlp", [784, 128, 10], "sgd", 0.01)
run("mlp_lab1", [784, 256, 10], "adam", 0.001)
