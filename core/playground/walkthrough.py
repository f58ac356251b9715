"""The walkthrough's 23 code blocks, verbatim, and its chapters as runnable full-Python examples.

``BLOCKS`` are the code blocks of the PyTorch basics walkthrough the app grows out of,
character for character (their Korean comments included). Typed in order into the
playground's full-Python mode they run, except where the walkthrough relies on its text
(``training_data``, ``test_data``, ``learning_rate``) or on things a modern offline machine
refuses (``pretrained=True`` downloads, ``torch.load`` of a whole model); those end with a
message from :mod:`.python_hints`. ``CHAPTERS`` carry every chapter in a form that runs:
the names the text defines are defined, and the last two blocks use today's lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from torchdesk.core.i18n import QT_TRANSLATE_NOOP

BLOCKS: tuple[str, ...] = (
    'import torch\nimport numpy as np\n',
    '# 데이터로부터 직접 생성\ndata = [[1,2],[3,4]]\nx_data = torch.tensor(data)\nprint(x_data)\n',
    '# NumPy 배열로부터 생성\nnp_array = np.array(data)\nx_np = torch.from_numpy(np_array)\nprint(x_np)\n',
    '# 다른 텐서로부터 생성\nx_ones = torch.ones_like(x_data) # x_data의 속성을 유지\nprint(f"Ones Tensor: \\n {x_ones} \\n")\n\nx_rand = torch.rand_like(x_data, dtype=torch.float) # x_data의 속성을 덮음\nprint(f"Random Tensor: \\n {x_rand} \\n")\n',
    '# 차원 적용 가능\nshape = (2,3,) # 2x3 차원\nrand_tensor = torch.rand(shape)\n\nprint(f"Random Tensor: \\n {rand_tensor} \\n")\n',
    '# GPU가 존재하면 텐서를 이동합니다\nif torch.cuda.is_available():\n    tensor = tensor.to("cuda")\n',
    '# 텐서 합치기\ntensor = torch.ones(4, 4) # 4x4차원\ntensor[:,1] = 0 # 모든 row, 1 column = 0\nt1 = torch.cat([tensor, tensor, tensor], dim=1)\nprint(t1)\n',
    '# 두 텐서 간의 행렬 곱(matrix multiplication)을 계산합니다. y1, y2, y3은 모두 같은 값을 갖습니다.\ny1 = tensor @ tensor.T # 행렬곱을 위해 차원 맞추려고 T로 전치행렬 수행\ny2 = tensor.matmul(tensor.T) # 위와 같은 결과\ny3 = torch.rand_like(y1) # 임의로 아무값으로 행렬 생성\ntorch.matmul(tensor, tensor.T, out=y3) # 위와 같은 결과\nprint(y1) # y1, y2, y3 전부 같은 값\n\n# 요소별 곱(element-wise product)을 계산합니다. z1, z2, z3는 모두 같은 값을 갖습니다.\nz1 = tensor * tensor # 차원 꼭 맞아야 함\nz2 = tensor.mul(tensor)\nz3 = torch.rand_like(tensor)\ntorch.mul(tensor, tensor, out=z3)\nprint(z1) # z1, z2, z3 전부 같은 값\n',
    't = torch.ones(5)\nn = t.numpy()\n\n# 같은 메모리 공유하기 때문에 텐서의 변경이 NumPy에 반영\nt.add_(1)\nprint(f"t: {t}")\nprint(f"n: {n}")\n',
    'n = np.ones(5)\nt = torch.from_numpy(n)\n\n# NumPy의 변경도 텐서에 반영\nnp.add(n, 1, out=n)\nprint(f"t: {t}")\nprint(f"n: {n}")\n',
    '# EX)\nfrom torch.utils.data import DataLoader\n\ntrain_dataloader = DataLoader(training_data, batch_size=64, shuffle=True)\ntest_dataloader = DataLoader(test_data, batch_size=64, shuffle=True)\n',
    'train_features, train_labels = next(iter(train_dataloader)) # 순회\n',
    'import torch\nfrom torchvision import datasets\nfrom torchvision.transforms import ToTensor, Lambda\n\nds = datasets.FashionMNIST(\n    root="data",\n    train=True,\n    download=True,\n    transform=ToTensor(),\n    target_transform=Lambda(lambda y: torch.zeros(10, dtype=torch.float).scatter_(0, torch.tensor(y), value=1))\n)\n',
    'import os\nimport torch\nfrom torch import nn\nfrom torch.utils.data import DataLoader\nfrom torchvision import datasets, transforms\n',
    'device = "cuda" if torch.cuda.is_available() else "cpu"\nprint(f"Using {device} device")\n',
    'class NeuralNetwork(nn.Module): # nn.Module 상속\n    def __init__(self): # 계층\n        super(NeuralNetwork, self).__init__()\n        self.flatten = nn.Flatten() # 2D -> 1D\n        self.linear_relu_stack = nn.Sequential( # 순서를 가짐\n            nn.Linear(28*28, 512), # 선형 변환\n            nn.ReLU(), # 활성화 함수\n            nn.Linear(512, 512),\n            nn.ReLU(),\n            nn.Linear(512, 10),\n        )\n\n    def forward(self, x): # 연산\n        x = self.flatten(x)\n        logits = self.linear_relu_stack(x)\n        return logits\n\nmodel = NeuralNetwork().to(device) # 객체 생성 및 device로 이동\nprint(model)\n\nX = torch.rand(1, 28, 28, device=device) # 28x28 크기 이미지 3개\nlogits = model(X)\npred_probab = nn.Softmax(dim=1)(logits) # 예측 확률을 나타내도록 [0, 1] 범위로 비례하여 조정(scale)\ny_pred = pred_probab.argmax(1)\nprint(f"Predicted class: {y_pred}") # 예측 확률\n',
    'x = torch.ones(5)  # input tensor\ny = torch.zeros(3)  # expected output\nw = torch.randn(5, 3, requires_grad=True) # weight\nb = torch.randn(3, requires_grad=True) # bias\nz = torch.matmul(x, w)+b # perceptron\nloss = torch.nn.functional.binary_cross_entropy_with_logits(z, y) # loss 함수\n',
    '# 변화도(Gradient) 계산 - 미분값\nloss.backward()\nprint(w.grad)\nprint(b.grad)\n',
    '# 변화도 추적 멈추기(순전파 연산만 필요한 경우 추적 필요없으니까)\nprint(z.requires_grad) # true면 추적 지원\nwith torch.no_grad(): # 추적 멈추기\n    z = torch.matmul(x, w)+b\nprint(z.requires_grad)\n',
    '# 매개변수, 학습률로 초기화(SGD란 확률적 경사하강법)\noptimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)\n',
    'import torch\nimport torchvision.models as models\n',
    "# 저장\nmodel = models.vgg16(pretrained=True) # pretrained=True : 기본 가중치 불러오기\ntorch.save(model.state_dict(), 'model_weights.pth')\n\n# 불러오기\nmodel = models.vgg16() # 기본 가중치 필요 X(불러올거라서)\nmodel.load_state_dict(torch.load('model_weights.pth'))\nmodel.eval()\n",
    "# 저장\ntorch.save(model, 'model.pth')\n\n# 불러오기\nmodel = torch.load('model.pth')\n",
)
"""The walkthrough's code blocks in order, verbatim."""


@dataclass(frozen=True)
class Chapter:
    """One chapter of the walkthrough as code that runs in full Python, in order after the ones before it."""

    title: str
    """The menu's text, in English (shown through ``translate("walkthrough", title)``)."""
    code: str


_DATASETS = '''\
import torch
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import ToTensor, Lambda

# The walkthrough's text makes these two; root="data" is the app's data folder.
training_data = datasets.FashionMNIST(root="data", train=True, download=True, transform=ToTensor())
test_data = datasets.FashionMNIST(root="data", train=False, download=True, transform=ToTensor())

train_dataloader = DataLoader(training_data, batch_size=64, shuffle=True)
test_dataloader = DataLoader(test_data, batch_size=64, shuffle=True)
train_features, train_labels = next(iter(train_dataloader))
print(f"Feature batch shape: {train_features.size()}")
print(f"Labels batch shape: {train_labels.size()}")
'''

_TRANSFORMS = BLOCKS[12] + "print(ds[0][1])\n"

_MODEL = BLOCKS[13] + BLOCKS[14] + BLOCKS[15]

_AUTOGRAD = BLOCKS[16] + BLOCKS[17] + BLOCKS[18]

_OPTIMISATION = '''\
# Hyperparameters, as the walkthrough's text sets them
learning_rate = 1e-3
batch_size = 64
epochs = 5

loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

def train_loop(dataloader, model, loss_fn, optimizer):
    size = len(dataloader.dataset)
    for batch, (X, y) in enumerate(dataloader):
        pred = model(X)
        loss = loss_fn(pred, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if batch % 100 == 0:
            loss, current = loss.item(), (batch + 1) * len(X)
            print(f"loss: {loss:>7f}  [{current:>5d}/{size:>5d}]")

def test_loop(dataloader, model, loss_fn):
    size = len(dataloader.dataset)
    num_batches = len(dataloader)
    test_loss, correct = 0, 0
    with torch.no_grad():
        for X, y in dataloader:
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    test_loss /= num_batches
    correct /= size
    print(f"Test Error: \\n Accuracy: {(100*correct):>0.1f}%, Avg loss: {test_loss:>8f} \\n")

for t in range(epochs):
    print(f"Epoch {t+1}\\n-------------------------------")
    train_loop(train_dataloader, model, loss_fn, optimizer)
    test_loop(test_dataloader, model, loss_fn)
print("Done!")
'''

_SAVE_AND_LOAD = '''\
import torch
import torchvision.models as models

# Save and load weights. The walkthrough's models.vgg16(pretrained=True) downloads weights
# (and pretrained= is deprecated): models.vgg16(weights=models.VGG16_Weights.DEFAULT) does that
# with the network; weights=None builds the same model untrained, offline.
model = models.vgg16(weights=None)
torch.save(model.state_dict(), 'model_weights.pth')

model = models.vgg16()
model.load_state_dict(torch.load('model_weights.pth', weights_only=True))
model.eval()

# Save and load a whole model. Since torch 2.6, torch.load reads only weights unless told the
# file is trusted: this one is, because this session just wrote it.
torch.save(model, 'model.pth')
model = torch.load('model.pth', weights_only=False)
print(type(model).__name__, sum(p.numel() for p in model.parameters()))
'''

CHAPTERS: tuple[Chapter, ...] = (
    Chapter(QT_TRANSLATE_NOOP("walkthrough", "Tensors"), "".join(BLOCKS[0:5]) + BLOCKS[6] + BLOCKS[7]),
    Chapter(QT_TRANSLATE_NOOP("walkthrough", "The NumPy bridge"), BLOCKS[8] + BLOCKS[9]),
    Chapter(QT_TRANSLATE_NOOP("walkthrough", "Datasets and DataLoader"), _DATASETS),
    Chapter(QT_TRANSLATE_NOOP("walkthrough", "Transforms"), _TRANSFORMS),
    Chapter(QT_TRANSLATE_NOOP("walkthrough", "Building the model"), _MODEL),
    Chapter(QT_TRANSLATE_NOOP("walkthrough", "Autograd"), _AUTOGRAD),
    Chapter(QT_TRANSLATE_NOOP("walkthrough", "The optimisation loop"), _OPTIMISATION),
    Chapter(QT_TRANSLATE_NOOP("walkthrough", "Save and load"), _SAVE_AND_LOAD),
)
"""Every chapter, each running after the ones before it (the optimisation loop trains the model built earlier)."""
