<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>BrowserView</name>
    <message>
        <source>Show only samples whose true class is this one.</source>
        <translation>정답 클래스가 이 클래스인 샘플만 보여 줍니다.</translation>
    </message>
    <message>
        <source>Misclassified only</source>
        <translation>오분류만</translation>
    </message>
    <message>
        <source>Show only samples the current model gets wrong, most confident mistakes first (needs a model: train one or open a checkpoint).</source>
        <translation>현재 모델이 틀린 샘플만, 가장 확신한 오답부터 보여 줍니다(모델 필요: 학습하거나 체크포인트를 여세요).</translation>
    </message>
    <message>
        <source>A sample index to jump to (Ctrl+G focuses this box; Enter jumps).</source>
        <translation>이동할 샘플 인덱스(Ctrl+G로 이 상자에 포커스, Enter로 이동).</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>이동</translation>
    </message>
    <message>
        <source>Show and inspect the sample with this index.</source>
        <translation>이 인덱스의 샘플을 보여 주고 살펴봅니다.</translation>
    </message>
    <message>
        <source>Thumbnail size (Ctrl+= / Ctrl+-, or Ctrl+wheel over the grid).</source>
        <translation>썸네일 크기(Ctrl+= / Ctrl+-, 또는 격자 위에서 Ctrl+휠).</translation>
    </message>
    <message>
        <source>Predict all</source>
        <translation>모두 예측</translation>
    </message>
    <message>
        <source>Run the current model over every sample of this split and mark each thumbnail right or wrong (F5).</source>
        <translation>이 분할의 모든 샘플에 현재 모델을 실행하고 각 썸네일에 정답/오답을 표시합니다(F5).</translation>
    </message>
    <message>
        <source>Predicting every sample of this split.</source>
        <translation>이 분할의 모든 샘플을 예측하는 중입니다.</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>클래스:</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>확대:</translation>
    </message>
</context>
<context>
    <name>ClassDistributionChart</name>
    <message>
        <source>samples</source>
        <translation>샘플</translation>
    </message>
    <message>
        <source>How many samples of each class this split holds.</source>
        <translation>이 분할에 클래스별로 샘플이 몇 개 있는지 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>ClassifyForm</name>
    <message>
        <source>What you draw: digits are prepared like MNIST, clothes like Fashion-MNIST.</source>
        <translation>그릴 대상: 숫자는 MNIST처럼, 옷은 Fashion-MNIST처럼 전처리됩니다.</translation>
    </message>
    <message>
        <source>Which model classifies the drawing.</source>
        <translation>그림을 분류할 모델입니다.</translation>
    </message>
    <message>
        <source>Load checkpoint…</source>
        <translation>체크포인트 불러오기…</translation>
    </message>
    <message>
        <source>Classify with a model from a torchdesk checkpoint file.</source>
        <translation>torchdesk 체크포인트 파일의 모델로 분류합니다.</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>모드:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>모델:</translation>
    </message>
</context>
<context>
    <name>ClassifyPanel</name>
    <message>
        <source>the pasted image</source>
        <translation>붙여넣은 이미지</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.pgm *.ppm);;All files (*)</source>
        <translation>이미지 (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.pgm *.ppm);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Checkpoints (*.pt *.pth *.ckpt);;All files (*)</source>
        <translation>체크포인트 (*.pt *.pth *.ckpt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>unknown mode {mode}</source>
        <translation>알 수 없는 모드 {mode}</translation>
    </message>
    <message>
        <source>unknown model source {source}</source>
        <translation>알 수 없는 모델 출처 {source}</translation>
    </message>
    <message>
        <source>Showing {image}. Draw on it to change it; Ctrl+Z goes back.</source>
        <translation>{image}을(를) 보여 줍니다. 위에 그려서 바꿀 수 있고, Ctrl+Z로 되돌립니다.</translation>
    </message>
    <message>
        <source>Open an image to classify</source>
        <translation>분류할 이미지 열기</translation>
    </message>
    <message>
        <source>The clipboard holds no image. Copy an image or an image file first.</source>
        <translation>클립보드에 이미지가 없습니다. 먼저 이미지나 이미지 파일을 복사하세요.</translation>
    </message>
    <message>
        <source>Load a checkpoint to classify with</source>
        <translation>분류에 쓸 체크포인트 불러오기</translation>
    </message>
    <message>
        <source>Could not load &apos;{file}&apos; as a model: {reason}</source>
        <translation>&apos;{file}&apos;을(를) 모델로 불러올 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>모델: {model}</translation>
    </message>
    <message>
        <source>unnamed model</source>
        <translation>이름 없는 모델</translation>
    </message>
    <message>
        <source>This model&apos;s input shape {shape} is not an image: {error}</source>
        <translation>이 모델의 입력 형태 {shape}은(는) 이미지가 아닙니다: {error}</translation>
    </message>
    <message>
        <source>{sample} True label: {label} (the model is right).</source>
        <translation>{sample} 정답: {label} (모델이 맞혔습니다).</translation>
    </message>
    <message>
        <source>{sample} True label: {label} (the model is wrong).</source>
        <translation>{sample} 정답: {label} (모델이 틀렸습니다).</translation>
    </message>
    <message>
        <source>Nothing drawn yet: draw {noun} on the canvas, or open, paste or drop an image.</source>
        <translation>아직 그린 것이 없습니다: 캔버스에 {noun} 그림을 그리거나, 이미지를 열거나 붙여넣거나 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>No answer: this model was not made for {mode}.</source>
        <translation>답 없음: 이 모델은 {mode}용이 아닙니다.</translation>
    </message>
    <message>
        <source>Switch to {mode}</source>
        <translation>{mode}(으)로 전환</translation>
    </message>
    <message>
        <source>Draw {noun}, the kind of picture this model knows.</source>
        <translation>이 모델이 아는 종류인 {noun} 그림을 그립니다.</translation>
    </message>
    <message>
        <source>Use the bundled {mode} model</source>
        <translation>번들 {mode} 모델 사용</translation>
    </message>
    <message>
        <source>Classify with the model shipped for this mode.</source>
        <translation>이 모드용으로 함께 제공된 모델로 분류합니다.</translation>
    </message>
    <message>
        <source>This model does not fit {mode} mode. {reason}</source>
        <translation>이 모델은 {mode} 모드에 맞지 않습니다. {reason}</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>폴더 선택…</translation>
    </message>
    <message>
        <source>Choose the data folder that holds the test set (for every panel).</source>
        <translation>테스트 세트가 있는 데이터 폴더를 선택합니다(모든 패널 공통).</translation>
    </message>
    <message>
        <source>Random test sample needs the test set on disk. {reason}</source>
        <translation>무작위 테스트 샘플에는 디스크에 테스트 세트가 필요합니다. {reason}</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>데이터 폴더 선택</translation>
    </message>
</context>
<context>
    <name>ConfusionMatrixView</name>
    <message>
        <source>Confusion matrix (test)</source>
        <translation>혼동 행렬 (테스트)</translation>
    </message>
    <message>
        <source>true class</source>
        <translation>정답 클래스</translation>
    </message>
    <message>
        <source>predicted class</source>
        <translation>예측 클래스</translation>
    </message>
    <message>
        <source>appears after the first epoch</source>
        <translation>첫 에폭 후에 나타납니다</translation>
    </message>
    <message>
        <source>Rows: true class, columns: predicted class. Click a cell to see those test images.</source>
        <translation>행: 정답 클래스, 열: 예측 클래스. 칸을 클릭하면 해당 테스트 이미지를 봅니다.</translation>
    </message>
    <message>
        <source>true {true} → predicted {predicted}: {count} of {total} ({percent:.1f}%)</source>
        <translation>정답 {true} → 예측 {predicted}: {total}개 중 {count}개 ({percent:.1f}%)</translation>
    </message>
    <message>
        <source>
Click to see these test images.</source>
        <translation>
클릭하면 이 테스트 이미지를 봅니다.</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>{dataset} in {folder} holds no samples for this split. Check the folder (an image folder needs one subfolder per class with images inside).</source>
        <translation>{folder}의 {dataset}에는 이 분할의 샘플이 없습니다. 폴더를 확인하세요(이미지 폴더에는 클래스마다 이미지가 든 하위 폴더가 하나씩 있어야 합니다).</translation>
    </message>
    <message>
        <source>{dataset}&apos;s labels go up to {top:,}, but a data set may have at most {most:,} classes (0 to {last:,}). Check its labels, or ask its plugin&apos;s author to list its classes.</source>
        <translation>{dataset}의 정답 값이 {top:,}까지 있지만 데이터셋의 클래스는 최대 {most:,}개(0~{last:,})입니다. 정답을 확인하거나 플러그인 작성자에게 클래스 목록을 요청하세요.</translation>
    </message>
    <message>
        <source>Transform pipeline (applied to the inspected sample)</source>
        <translation>변형 파이프라인 (살펴보는 샘플에 적용)</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>샘플</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>통계</translation>
    </message>
    <message>
        <source>The inspected sample and the transform pipeline.</source>
        <translation>살펴보는 샘플과 변형 파이프라인입니다.</translation>
    </message>
    <message>
        <source>Class distribution and per-channel mean/std.</source>
        <translation>클래스 분포와 채널별 평균/표준편차입니다.</translation>
    </message>
    <message>
        <source>reading labels {done:,}/{total:,}</source>
        <translation>정답 읽는 중 {done:,}/{total:,}</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>여는 중…</translation>
    </message>
    <message>
        <source>opening…</source>
        <translation>여는 중…</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>모든 클래스</translation>
    </message>
    <message>
        <source>{dataset}: {count:,} samples (in memory as one uint8 tensor).</source>
        <translation>{dataset}: 샘플 {count:,}개 (uint8 텐서 하나로 메모리에 있음).</translation>
    </message>
    <message>
        <source>{dataset}: {count:,} samples (decoded from files on demand).</source>
        <translation>{dataset}: 샘플 {count:,}개 (필요할 때 파일에서 디코딩).</translation>
    </message>
    <message>
        <source>No dataset open.</source>
        <translation>열린 데이터셋이 없습니다.</translation>
    </message>
    <message>
        <source>{shown:,} of {total:,} samples (wrong, most confident first)</source>
        <translation>샘플 {total:,}개 중 {shown:,}개 (오답, 가장 확신한 것부터)</translation>
    </message>
    <message>
        <source>{shown:,} of {total:,} samples</source>
        <translation>샘플 {total:,}개 중 {shown:,}개</translation>
    </message>
    <message>
        <source>No sample passes the filters.</source>
        <translation>필터를 통과하는 샘플이 없습니다.</translation>
    </message>
    <message>
        <source>There is no sample {index}: this split has {count:,}.</source>
        <translation>샘플 {index}은(는) 없습니다: 이 분할의 샘플은 {count:,}개입니다.</translation>
    </message>
    <message>
        <source> — the model (made for other data) says {answer}</source>
        <translation> — 모델(다른 데이터용)의 답: {answer}</translation>
    </message>
    <message>
        <source> — model says {answer}, right</source>
        <translation> — 모델의 답: {answer}, 정답</translation>
    </message>
    <message>
        <source> — model says {answer}, wrong</source>
        <translation> — 모델의 답: {answer}, 오답</translation>
    </message>
    <message>
        <source>true {true}, predicted {predicted}</source>
        <translation>정답 {true}, 예측 {predicted}</translation>
    </message>
    <message>
        <source>true {true}</source>
        <translation>정답 {true}</translation>
    </message>
    <message>
        <source>predicted {predicted}</source>
        <translation>예측 {predicted}</translation>
    </message>
    <message>
        <source>Showing every sample of class {true}: which ones the model took for {predicted} needs a model (press Predict all).</source>
        <translation>클래스 {true}의 모든 샘플을 보여 줍니다: 모델이 {predicted}(으)로 본 샘플을 가리려면 모델이 필요합니다(모두 예측을 누르세요).</translation>
    </message>
    <message>
        <source>Showing the {count:,} training samples the confusion matrix picked: {cell}.</source>
        <translation>혼동 행렬에서 고른 학습 샘플 {count:,}개를 보여 줍니다: {cell}.</translation>
    </message>
    <message>
        <source>Showing the {count:,} training samples the confusion matrix picked.</source>
        <translation>혼동 행렬에서 고른 학습 샘플 {count:,}개를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Showing the {count:,} test samples the confusion matrix picked: {cell}.</source>
        <translation>혼동 행렬에서 고른 테스트 샘플 {count:,}개를 보여 줍니다: {cell}.</translation>
    </message>
    <message>
        <source>Showing the {count:,} test samples the confusion matrix picked.</source>
        <translation>혼동 행렬에서 고른 테스트 샘플 {count:,}개를 보여 줍니다.</translation>
    </message>
    <message>
        <source> ({dropped} indices were beyond this split&apos;s {total:,} samples and are left out.)</source>
        <translation> (인덱스 {dropped}개는 이 분할의 샘플 {total:,}개 범위를 벗어나 제외했습니다.)</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>모두 보기</translation>
    </message>
    <message>
        <source>Leave the confusion-matrix selection and show every sample.</source>
        <translation>혼동 행렬 선택을 벗어나 모든 샘플을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Pipeline restored with changes: {problems}</source>
        <translation>파이프라인을 바꾼 채로 복원했습니다: {problems}</translation>
    </message>
    <message>
        <source>A dataset download is running; closing cancels it (the partial file is removed).</source>
        <translation>데이터셋을 내려받는 중입니다. 닫으면 취소됩니다(받다 만 파일은 삭제됩니다).</translation>
    </message>
</context>
<context>
    <name>DrawCanvas</name>
    <message>
        <source>Draw here with the mouse or a pen. Right button or the pen&apos;s eraser end erases.</source>
        <translation>마우스나 펜으로 여기에 그립니다. 오른쪽 버튼이나 펜의 지우개 끝으로 지웁니다.</translation>
    </message>
    <message>
        <source>Drawing canvas</source>
        <translation>그림 캔버스</translation>
    </message>
</context>
<context>
    <name>DrawingPad</name>
    <message>
        <source>Pen</source>
        <translation>펜</translation>
    </message>
    <message>
        <source>Draw with the left button or pen tip (P).</source>
        <translation>왼쪽 버튼이나 펜 끝으로 그립니다(P).</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>지우개</translation>
    </message>
    <message>
        <source>Erase with the left button (E). The right button always erases.</source>
        <translation>왼쪽 버튼으로 지웁니다(E). 오른쪽 버튼은 항상 지웁니다.</translation>
    </message>
    <message>
        <source>Brush size in canvas pixels ([ and ] change it).</source>
        <translation>캔버스 픽셀 단위의 붓 크기([ 와 ]로 바꿈).</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Take back the last stroke, clear or load (Ctrl+Z).</source>
        <translation>마지막 획, 지우기, 불러오기를 되돌립니다(Ctrl+Z).</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Wipe the canvas (Delete). Undo brings it back.</source>
        <translation>캔버스를 지웁니다(Delete). 실행 취소로 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>붓</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>이미지 열기…</translation>
    </message>
    <message>
        <source>Classify an image file (Ctrl+O). You can also drop one here.</source>
        <translation>이미지 파일을 분류합니다(Ctrl+O). 여기에 끌어다 놓아도 됩니다.</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Classify the image on the clipboard (Ctrl+V).</source>
        <translation>클립보드의 이미지를 분류합니다(Ctrl+V).</translation>
    </message>
    <message>
        <source>Random test sample</source>
        <translation>무작위 테스트 샘플</translation>
    </message>
    <message>
        <source>Show a random image from the test set in the data folder with its true label (Ctrl+R).</source>
        <translation>데이터 폴더의 테스트 세트에서 무작위 이미지를 정답과 함께 보여 줍니다(Ctrl+R).</translation>
    </message>
</context>
<context>
    <name>HookChecklist</name>
    <message>
        <source>built-in</source>
        <translation>내장</translation>
    </message>
    <message>
        <source>{description}
(id: {id}, plugin: {plugin}; parameters: {parameters})</source>
        <translation>{description}
(id: {id}, 플러그인: {plugin}; 매개변수: {parameters})</translation>
    </message>
    <message>
        <source>{description}
(id: {id}, plugin: {plugin})</source>
        <translation>{description}
(id: {id}, 플러그인: {plugin})</translation>
    </message>
    <message>
        <source>callback {id} is not installed any more; it is left out</source>
        <translation>콜백 {id}이(가) 더 이상 설치되어 있지 않아 제외합니다</translation>
    </message>
    <message>
        <source>metric {id} is not installed any more; it is left out</source>
        <translation>지표 {id}이(가) 더 이상 설치되어 있지 않아 제외합니다</translation>
    </message>
    <message>
        <source>{kind} {id} is not installed any more; it is left out</source>
        <translation>{kind} {id}이(가) 더 이상 설치되어 있지 않아 제외합니다</translation>
    </message>
</context>
<context>
    <name>ModelFitCheck</name>
    <message>
        <source>Checking {model}</source>
        <translation>{model} 확인 중</translation>
    </message>
    <message>
        <source>{model} cannot train on {dataset}: {problem}</source>
        <translation>{model}은(는) {dataset}(으)로 학습할 수 없습니다: {problem}</translation>
    </message>
</context>
<context>
    <name>ModelSources</name>
    <message>
        <source>The bundled {name} model could not be loaded: {reason}</source>
        <translation>번들 {name} 모델을 불러올 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>No checkpoint loaded yet: use “Load checkpoint…”.</source>
        <translation>아직 불러온 체크포인트가 없습니다: “체크포인트 불러오기…”를 사용하세요.</translation>
    </message>
    <message>
        <source>No current model yet: train one in the Train panel or load a checkpoint, or choose the bundled model.</source>
        <translation>아직 현재 모델이 없습니다: 학습 패널에서 학습하거나 체크포인트를 불러오거나, 번들 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>Bundled {mode} model</source>
        <translation>번들 {mode} 모델</translation>
    </message>
    <message>
        <source>The pretrained model shipped with torchdesk for this mode; works offline.</source>
        <translation>이 모드용으로 torchdesk와 함께 제공되는 사전 학습 모델입니다. 오프라인에서도 동작합니다.</translation>
    </message>
    <message>
        <source>Current model ({model})</source>
        <translation>현재 모델 ({model})</translation>
    </message>
    <message>
        <source>Current model</source>
        <translation>현재 모델</translation>
    </message>
    <message>
        <source>The app&apos;s current model: the one being trained, or the last checkpoint loaded. Predictions follow training as it goes.</source>
        <translation>앱의 현재 모델: 학습 중인 모델이나 마지막으로 불러온 체크포인트입니다. 예측이 학습 진행을 따라갑니다.</translation>
    </message>
    <message>
        <source>Checkpoint: {file}</source>
        <translation>체크포인트: {file}</translation>
    </message>
    <message>
        <source>Checkpoint file…</source>
        <translation>체크포인트 파일…</translation>
    </message>
    <message>
        <source>A checkpoint file loaded here.</source>
        <translation>여기서 불러온 체크포인트 파일입니다.</translation>
    </message>
</context>
<context>
    <name>ModelVerdicts</name>
    <message>
        <source>The model could not be run on this split: {reason}</source>
        <translation>이 분할에서 모델을 실행할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Predict all {count:,}</source>
        <translation>{count:,}개 모두 예측</translation>
    </message>
    <message>
        <source>Predict all</source>
        <translation>모두 예측</translation>
    </message>
    <message>
        <source>Run the current model over all {count:,} samples of this split and mark each thumbnail right or wrong (F5). Splits of up to {limit:,} samples are predicted as soon as they open; while a training run goes this runs on one CPU thread.</source>
        <translation>이 분할의 샘플 {count:,}개 모두에 현재 모델을 실행하고 각 썸네일에 정답/오답을 표시합니다(F5). 샘플이 {limit:,}개 이하인 분할은 열리는 즉시 예측합니다. 학습이 진행 중이면 CPU 스레드 하나로 실행합니다.</translation>
    </message>
    <message>
        <source>the current model</source>
        <translation>현재 모델</translation>
    </message>
    <message>
        <source>No model loaded: train one or open a checkpoint to see which samples it gets wrong.</source>
        <translation>불러온 모델이 없습니다: 어떤 샘플을 틀리는지 보려면 모델을 학습하거나 체크포인트를 여세요.</translation>
    </message>
    <message>
        <source>Predicting with {model}…</source>
        <translation>{model}(으)로 예측하는 중…</translation>
    </message>
    <message>
        <source>Model: {model}.</source>
        <translation>모델: {model}.</translation>
    </message>
    <message>
        <source>Model: {model} — not run on this split, which it was not made for.</source>
        <translation>모델: {model} — 이 모델용이 아닌 분할이라 실행하지 않았습니다.</translation>
    </message>
    <message>
        <source>Model: {model} — Predict all runs it over the {count:,} samples and marks the mistakes.</source>
        <translation>모델: {model} — 모두 예측을 누르면 샘플 {count:,}개에 실행하고 오답을 표시합니다.</translation>
    </message>
    <message>
        <source>Model: {model} — predicted anyway: each thumbnail shows the model&apos;s own answer (→ its class); right or wrong is not measured.</source>
        <translation>모델: {model} — 그래도 예측함: 각 썸네일에 모델 자신의 답(→ 모델의 클래스)을 표시하며, 정답 여부는 재지 않습니다.</translation>
    </message>
    <message>
        <source>Model: {model} — {accuracy:.1%} right on this split, {wrong:,} wrong (red frames).</source>
        <translation>모델: {model} — 이 분할에서 {accuracy:.1%} 정답, 오답 {wrong:,}개 (빨간 테두리).</translation>
    </message>
    <message>
        <source> The model has changed since: press Predict all to refresh.</source>
        <translation> 그 뒤로 모델이 바뀌었습니다: 새로 고치려면 모두 예측을 누르세요.</translation>
    </message>
    <message>
        <source>{reason} Predicted anyway on request: the thumbnails show the model&apos;s own class names, and nothing is called right or wrong.</source>
        <translation>{reason} 요청에 따라 그래도 예측했습니다: 썸네일에는 모델 자신의 클래스 이름이 표시되며, 정답/오답은 판정하지 않습니다.</translation>
    </message>
    <message>
        <source>{reason} So it is not run on this split.</source>
        <translation>{reason} 그래서 이 분할에서는 실행하지 않습니다.</translation>
    </message>
    <message>
        <source>Predict anyway</source>
        <translation>그래도 예측</translation>
    </message>
    <message>
        <source>Run the model over all {count:,} samples anyway; each thumbnail then shows the model&apos;s own answer ({names}, …), never this dataset&apos;s class names, and no right/wrong.</source>
        <translation>그래도 샘플 {count:,}개 모두에 모델을 실행합니다. 각 썸네일에는 이 데이터셋의 클래스 이름이 아닌 모델 자신의 답({names}, …)이 표시되며, 정답/오답은 표시하지 않습니다.</translation>
    </message>
</context>
<context>
    <name>PipelineEditor</name>
    <message>
        <source>The transforms applied after ToTensor, top to bottom. Select one to edit it.</source>
        <translation>ToTensor 다음에 위에서 아래로 적용되는 변형입니다. 하나를 선택해 편집합니다.</translation>
    </message>
    <message>
        <source>A transform plugin to add to the pipeline.</source>
        <translation>파이프라인에 추가할 변형 플러그인입니다.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Append the chosen transform (Ctrl+T).</source>
        <translation>선택한 변형을 끝에 추가합니다(Ctrl+T).</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Remove the selected transform (Delete).</source>
        <translation>선택한 변형을 제거합니다(Delete).</translation>
    </message>
    <message>
        <source>Move the selected transform earlier (Alt+Up).</source>
        <translation>선택한 변형을 앞으로 옮깁니다(Alt+Up).</translation>
    </message>
    <message>
        <source>Move the selected transform later (Alt+Down).</source>
        <translation>선택한 변형을 뒤로 옮깁니다(Alt+Down).</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>ToTensor (always first: pixels → floats in [0, 1])</source>
        <translation>ToTensor (항상 처음: 픽셀 → [0, 1] 실수)</translation>
    </message>
    <message>
        <source>The engine always starts with ToTensor, as the walkthrough does.</source>
        <translation>엔진은 튜토리얼처럼 항상 ToTensor로 시작합니다.</translation>
    </message>
    <message>
        <source> (target)</source>
        <translation> (정답)</translation>
    </message>
    <message>
        <source> (random)</source>
        <translation> (무작위)</translation>
    </message>
    <message>
        <source>no transform plugin offers {id} any more</source>
        <translation>더 이상 {id}을(를) 제공하는 변형 플러그인이 없습니다</translation>
    </message>
    <message>
        <source> [target]</source>
        <translation> [정답]</translation>
    </message>
    <message>
        <source> [random]</source>
        <translation> [무작위]</translation>
    </message>
    <message>
        <source>{name} parameters</source>
        <translation>{name} 매개변수</translation>
    </message>
</context>
<context>
    <name>PipelinePreview</name>
    <message>
        <source>Normalize is &apos;auto&apos; but this dataset&apos;s mean/std are not known yet; they are being measured (Statistics tab), or enter numbers.</source>
        <translation>Normalize가 &apos;auto&apos;이지만 이 데이터셋의 평균/표준편차를 아직 모릅니다. 측정 중이니(통계 탭) 기다리거나 숫자를 입력하세요.</translation>
    </message>
    <message>
        <source>The pipeline cannot be built: {error}</source>
        <translation>파이프라인을 만들 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>PixelPreview</name>
    <message>
        <source>The 28×28 picture the model actually receives, after cropping, scaling and centring.</source>
        <translation>자르기, 크기 조정, 가운데 맞춤을 거쳐 모델이 실제로 받는 28×28 그림입니다.</translation>
    </message>
    <message>
        <source>Model input preview</source>
        <translation>모델 입력 미리보기</translation>
    </message>
</context>
<context>
    <name>Predictions</name>
    <message>
        <source>The model could not classify this picture: {reason}</source>
        <translation>모델이 이 그림을 분류할 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>ProbabilityBars</name>
    <message>
        <source>The model&apos;s most likely classes: softmax of its outputs, in percent.</source>
        <translation>모델이 가장 가능성 높게 본 클래스: 출력의 softmax를 백분율로 표시합니다.</translation>
    </message>
    <message>
        <source>Class probabilities</source>
        <translation>클래스 확률</translation>
    </message>
</context>
<context>
    <name>RandomSamples</name>
    <message>
        <source>Test sample #{index} of the {dataset} test set.</source>
        <translation>{dataset} 테스트 세트의 테스트 샘플 #{index}.</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <source>The most likely class.</source>
        <translation>가장 가능성 높은 클래스입니다.</translation>
    </message>
    <message>
        <source>How sure the model is about its top class.</source>
        <translation>모델이 1순위 클래스를 얼마나 확신하는지입니다.</translation>
    </message>
    <message>
        <source>What the model sees (28×28)</source>
        <translation>모델이 보는 그림 (28×28)</translation>
    </message>
    <message>
        <source>{probability:.1%} sure</source>
        <translation>확신도 {probability:.1%}</translation>
    </message>
</context>
<context>
    <name>RunHooksBox</name>
    <message>
        <source>Schedule, callbacks and metrics</source>
        <translation>스케줄, 콜백, 지표</translation>
    </message>
    <message>
        <source>How the learning rate changes during the run (scheduler plugins)</source>
        <translation>실행 중 학습률이 바뀌는 방식(스케줄러 플러그인)</translation>
    </message>
    <message>
        <source>Training callbacks: they watch the run and may stop it (e.g. early stopping)</source>
        <translation>학습 콜백: 실행을 지켜보다가 멈출 수 있습니다(예: 조기 종료)</translation>
    </message>
    <message>
        <source>Extra numbers computed on each test pass, plotted and kept in checkpoints</source>
        <translation>테스트 단계마다 계산해 그래프로 그리고 체크포인트에 보관하는 추가 수치</translation>
    </message>
    <message>
        <source>LR schedule:</source>
        <translation>학습률 스케줄:</translation>
    </message>
    <message>
        <source>Callbacks:</source>
        <translation>콜백:</translation>
    </message>
    <message>
        <source>Metrics:</source>
        <translation>지표:</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>What happens during training is written here.</source>
        <translation>학습 중 일어나는 일이 여기에 기록됩니다.</translation>
    </message>
    <message>
        <source>What happened during training</source>
        <translation>학습 중 일어난 일</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Start training with these settings (Ctrl+Return)</source>
        <translation>이 설정으로 학습을 시작합니다(Ctrl+Return)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Hold training after the current batch, or continue it (Ctrl+P)</source>
        <translation>현재 배치 후 학습을 멈추거나 다시 이어 갑니다(Ctrl+P)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop training after the current batch; the model keeps what it learned (Ctrl+.)</source>
        <translation>현재 배치 후 학습을 중지합니다. 모델은 배운 것을 유지합니다(Ctrl+.)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG 내보내기…</translation>
    </message>
    <message>
        <source>Save the plots as an image</source>
        <translation>그래프를 이미지로 저장합니다</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Save every plotted number as a CSV (series, x, y)</source>
        <translation>그래프의 모든 수치를 CSV(series, x, y)로 저장합니다</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Progress of the whole run</source>
        <translation>전체 실행의 진행률</translation>
    </message>
    <message>
        <source>{rate} samples/s · {left} left</source>
        <translation>{rate} 샘플/초 · {left} 남음</translation>
    </message>
    <message>
        <source>Training speed and the estimated time left</source>
        <translation>학습 속도와 예상 남은 시간</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs}</source>
        <translation>에폭 {epoch}/{epochs}</translation>
    </message>
    <message>
        <source>The epoch being trained</source>
        <translation>학습 중인 에폭</translation>
    </message>
    <message>
        <source>Recent loss –</source>
        <translation>최근 손실 –</translation>
    </message>
    <message>
        <source>Recent loss {loss:.4f}</source>
        <translation>최근 손실 {loss:.4f}</translation>
    </message>
    <message>
        <source>Mean training loss of the last {batches} batches (the plot&apos;s smooth line lags behind it; each epoch&apos;s mean is in the epoch plot and the log)</source>
        <translation>최근 {batches}개 배치의 평균 학습 손실(그래프의 매끄러운 선은 이보다 늦게 따라옵니다. 에폭별 평균은 에폭 그래프와 로그에 있습니다)</translation>
    </message>
    <message>
        <source>Test accuracy –</source>
        <translation>테스트 정확도 –</translation>
    </message>
    <message>
        <source>Test accuracy {accuracy:.2f}% (epoch {epoch})</source>
        <translation>테스트 정확도 {accuracy:.2f}% (에폭 {epoch})</translation>
    </message>
    <message>
        <source>Share of the test split classified correctly at the last epoch end</source>
        <translation>마지막 에폭이 끝났을 때 테스트 분할에서 올바르게 분류한 비율</translation>
    </message>
    <message>
        <source>Epoch –</source>
        <translation>에폭 –</translation>
    </message>
    <message>
        <source>Loading data…</source>
        <translation>데이터 불러오는 중…</translation>
    </message>
    <message>
        <source>The checkpoint&apos;s batch losses cannot be read; they are not drawn.</source>
        <translation>체크포인트의 배치 손실을 읽을 수 없어 그리지 않습니다.</translation>
    </message>
    <message>
        <source>{count} epoch record(s) of the checkpoint&apos;s history cannot be read; they are not drawn.</source>
        <translation>체크포인트 기록의 에폭 기록 {count}개를 읽을 수 없어 그리지 않습니다.</translation>
    </message>
    <message>
        <source>Training {model} ({params} parameters) on {device}: {train} training and {test} test samples</source>
        <translation>{device}에서 {model}(매개변수 {params}개) 학습: 학습 샘플 {train}개, 테스트 샘플 {test}개</translation>
    </message>
    <message>
        <source>Training {model} ({params} parameters) on {device} in {precision} mixed precision: {train} training and {test} test samples</source>
        <translation>{device}에서 {precision} 혼합 정밀도로 {model}(매개변수 {params}개) 학습: 학습 샘플 {train}개, 테스트 샘플 {test}개</translation>
    </message>
    <message>
        <source> (resident tensors)</source>
        <translation> (메모리 상주 텐서)</translation>
    </message>
    <message>
        <source>Epoch {epoch} · %p%</source>
        <translation>에폭 {epoch} · %p%</translation>
    </message>
    <message>
        <source>Epoch {epoch} · batch {batch}/{batches}</source>
        <translation>에폭 {epoch} · 배치 {batch}/{batches}</translation>
    </message>
    <message>
        <source>Paused · {where} · %p%</source>
        <translation>일시 정지 · {where} · %p%</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Metrics of the last test pass (metric plugins&apos; values are also kept in the checkpoint&apos;s history)</source>
        <translation>마지막 테스트 단계의 지표(지표 플러그인의 값도 체크포인트 기록에 보관됩니다)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Continue training (Ctrl+P)</source>
        <translation>학습을 이어 갑니다(Ctrl+P)</translation>
    </message>
    <message>
        <source>Hold training after the current batch (Ctrl+P)</source>
        <translation>현재 배치 후 학습을 멈춥니다(Ctrl+P)</translation>
    </message>
    <message>
        <source>Paused · %p%</source>
        <translation>일시 정지 · %p%</translation>
    </message>
    <message>
        <source>Training · %p%</source>
        <translation>학습 중 · %p%</translation>
    </message>
    <message>
        <source>Stopped after {epochs} epoch(s)</source>
        <translation>에폭 {epochs}개 후 중지됨</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>took {duration}</source>
        <translation>소요 {duration}</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Training is starting.</source>
        <translation>학습을 시작하는 중입니다.</translation>
    </message>
    <message>
        <source>Training is running ({epoch}).</source>
        <translation>학습이 진행 중입니다({epoch}).</translation>
    </message>
</context>
<context>
    <name>SampleInspector</name>
    <message>
        <source>The image exactly as the dataset stores it (uint8 0..255), enlarged without smoothing; move the mouse over it to read the pixel values.</source>
        <translation>데이터셋에 저장된 그대로의 이미지(uint8 0..255)를 보간 없이 확대한 것입니다. 마우스를 올리면 픽셀 값을 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>Hover to read values.</source>
        <translation>마우스를 올리면 값을 읽습니다.</translation>
    </message>
    <message>
        <source>pixel {value}
</source>
        <translation>픽셀 {value}
</translation>
    </message>
    <message>
        <source>The label after the target transform (the walkthrough&apos;s one-hot, for example).</source>
        <translation>정답 변형을 거친 정답(예: 튜토리얼의 원-핫).</translation>
    </message>
    <message>
        <source>Random augmentations: several draws of the same sample</source>
        <translation>무작위 증강: 같은 샘플을 여러 번 뽑은 결과</translation>
    </message>
    <message>
        <source>Redraw</source>
        <translation>다시 뽑기</translation>
    </message>
    <message>
        <source>Draw the random augmentations again (Ctrl+R).</source>
        <translation>무작위 증강을 다시 뽑습니다(Ctrl+R).</translation>
    </message>
    <message>
        <source>Raw image</source>
        <translation>원본 이미지</translation>
    </message>
    <message>
        <source>Tensor after the pipeline</source>
        <translation>파이프라인 후 텐서</translation>
    </message>
    <message>
        <source>Target after the target transform</source>
        <translation>정답 변형 후 정답</translation>
    </message>
    <message>
        <source>Click a thumbnail to inspect it.</source>
        <translation>썸네일을 클릭하면 살펴봅니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sample #{index}&lt;/b&gt; — label {label}</source>
        <translation>&lt;b&gt;샘플 #{index}&lt;/b&gt; — 정답 {label}</translation>
    </message>
    <message>
        <source>cannot show: {error}</source>
        <translation>표시할 수 없음: {error}</translation>
    </message>
    <message>
        <source>PIL image {mode} {width}×{height}</source>
        <translation>PIL 이미지 {mode} {width}×{height}</translation>
    </message>
    <message>
        <source>the pipeline produced {type}, not a tensor</source>
        <translation>파이프라인이 텐서가 아닌 {type}을(를) 만들었습니다</translation>
    </message>
    <message>
        <source>The image pipeline failed on this sample: {error}</source>
        <translation>이 샘플에서 이미지 파이프라인이 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>The label after the target transform: {target}</source>
        <translation>정답 변형 후 정답: {target}</translation>
    </message>
    <message>
        <source>The target pipeline failed: {error}</source>
        <translation>정답 파이프라인이 실패했습니다: {error}</translation>
    </message>
</context>
<context>
    <name>SourceBar</name>
    <message>
        <source>Training split</source>
        <translation>학습 분할</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>테스트 분할</translation>
    </message>
    <message>
        <source>The dataset plugin to browse.</source>
        <translation>둘러볼 데이터셋 플러그인입니다.</translation>
    </message>
    <message>
        <source>Which split to browse (the confusion matrix refers to the test split).</source>
        <translation>둘러볼 분할(혼동 행렬은 테스트 분할 기준입니다).</translation>
    </message>
    <message>
        <source>The app&apos;s data folder, shared with the Train and Classify panels: torchvision&apos;s layout (e.g. &lt;folder&gt;/MNIST/raw), an image folder (one subfolder per class) or a folder with annotations.csv and images/.</source>
        <translation>학습·분류 패널과 함께 쓰는 앱의 데이터 폴더: torchvision 구조(예: &lt;folder&gt;/MNIST/raw), 이미지 폴더(클래스마다 하위 폴더 하나) 또는 annotations.csv와 images/가 있는 폴더.</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>폴더 선택…</translation>
    </message>
    <message>
        <source>Pick the folder that holds the dataset&apos;s files (Ctrl+Shift+O).</source>
        <translation>데이터셋 파일이 있는 폴더를 고릅니다(Ctrl+Shift+O).</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <source>Download the dataset&apos;s files into the data folder (needs a network).</source>
        <translation>데이터셋 파일을 데이터 폴더로 내려받습니다(네트워크 필요).</translation>
    </message>
    <message>
        <source>Download progress of the current file.</source>
        <translation>현재 파일의 내려받기 진행률입니다.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop the download; the partial file is removed (Esc).</source>
        <translation>내려받기를 멈춥니다. 받다 만 파일은 삭제됩니다(Esc).</translation>
    </message>
    <message>
        <source>Dataset parameters</source>
        <translation>데이터셋 매개변수</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>데이터셋:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>폴더:</translation>
    </message>
</context>
<context>
    <name>SourceChooser</name>
    <message>
        <source>No dataset plugin offers {dataset}. Available: {offered}</source>
        <translation>{dataset}을(를) 제공하는 데이터셋 플러그인이 없습니다. 사용 가능: {offered}</translation>
    </message>
    <message>
        <source>Choose the folder that holds the dataset</source>
        <translation>데이터셋이 있는 폴더 선택</translation>
    </message>
    <message>
        <source>The dataset could not be opened: {message}</source>
        <translation>데이터셋을 열 수 없습니다: {message}</translation>
    </message>
    <message>
        <source>
Click Download to fetch it, or Choose folder… to point at files already on disk.</source>
        <translation>
내려받기를 눌러 받거나, 폴더 선택…으로 이미 디스크에 있는 파일을 가리키세요.</translation>
    </message>
    <message>
        <source>
Click Choose folder… to point at the files.</source>
        <translation>
폴더 선택…을 눌러 파일 위치를 가리키세요.</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>연결하는 중…</translation>
    </message>
    <message>
        <source>Downloading {dataset} into {folder}…</source>
        <translation>{dataset}을(를) {folder}(으)로 내려받는 중…</translation>
    </message>
    <message>
        <source>Download cancelled; the partial file was removed.</source>
        <translation>내려받기를 취소했습니다. 받다 만 파일은 삭제했습니다.</translation>
    </message>
    <message>
        <source>{file}: {done:.1f}/{total:.1f} MB</source>
        <translation>{file}: {done:.1f}/{total:.1f} MB</translation>
    </message>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
</context>
<context>
    <name>SplitStatistics</name>
    <message>
        <source>Measuring mean and std…</source>
        <translation>평균과 표준편차를 측정하는 중…</translation>
    </message>
    <message>
        <source>Measured on the training split ({images:,} images): {stats}</source>
        <translation>학습 분할에서 측정(이미지 {images:,}개): {stats}</translation>
    </message>
    <message>
        <source>Measured on the test split ({images:,} images): {stats}</source>
        <translation>테스트 분할에서 측정(이미지 {images:,}개): {stats}</translation>
    </message>
    <message>
        <source>Mean and std could not be measured: {reason}</source>
        <translation>평균과 표준편차를 측정할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Published for {dataset}: {stats}.</source>
        <translation>{dataset}의 공개값: {stats}.</translation>
    </message>
    <message>
        <source>Stored Normalize defaults: {stats}.</source>
        <translation>저장된 Normalize 기본값: {stats}.</translation>
    </message>
    <message>
        <source>Normalize defaults for {dataset}: {stats}</source>
        <translation>{dataset}의 Normalize 기본값: {stats}</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>Mean and std: not measured yet.</source>
        <translation>평균과 표준편차: 아직 측정하지 않았습니다.</translation>
    </message>
    <message>
        <source>Measuring the per-channel mean and std over every image.</source>
        <translation>모든 이미지에서 채널별 평균과 표준편차를 측정하는 중입니다.</translation>
    </message>
    <message>
        <source>Use as Normalize defaults</source>
        <translation>Normalize 기본값으로 사용</translation>
    </message>
    <message>
        <source>Store the measured mean/std for this dataset: Normalize set to &apos;auto&apos; uses them here and in the Train panel.</source>
        <translation>측정한 평균/표준편차를 이 데이터셋용으로 저장합니다. &apos;auto&apos;로 설정한 Normalize가 여기와 학습 패널에서 이 값을 씁니다.</translation>
    </message>
    <message>
        <source>Samples per class</source>
        <translation>클래스별 샘플 수</translation>
    </message>
    <message>
        <source>Per-channel mean and std (pixels in 0..1)</source>
        <translation>채널별 평균과 표준편차 (픽셀 0..1)</translation>
    </message>
</context>
<context>
    <name>TensorImageView</name>
    <message>
        <source>shape {shape}  {dtype}</source>
        <translation>형태 {shape}  {dtype}</translation>
    </message>
    <message>
        <source>min {min:.4g}  max {max:.4g}  mean {mean:.4g}</source>
        <translation>최소 {min:.4g}  최대 {max:.4g}  평균 {mean:.4g}</translation>
    </message>
    <message>
        <source>cannot draw a tensor of shape {shape} as an image</source>
        <translation>형태가 {shape}인 텐서는 이미지로 그릴 수 없습니다</translation>
    </message>
    <message>
        <source>The tensor as the model sees it; move the mouse over it to read the values.</source>
        <translation>모델이 보는 그대로의 텐서입니다. 마우스를 올리면 값을 읽을 수 있습니다.</translation>
    </message>
    <message>
        <source>int class index</source>
        <translation>int 클래스 인덱스</translation>
    </message>
    <message>
        <source> … ({count} values)</source>
        <translation> … (값 {count}개)</translation>
    </message>
    <message>
        <source>one-hot vector, {dtype}, length {length}; hot index {hot}</source>
        <translation>원-핫 벡터, {dtype}, 길이 {length}; 핫 인덱스 {hot}</translation>
    </message>
    <message>
        <source>vector, {dtype}, length {length}</source>
        <translation>벡터, {dtype}, 길이 {length}</translation>
    </message>
    <message>
        <source>tensor {summary}</source>
        <translation>텐서 {summary}</translation>
    </message>
</context>
<context>
    <name>ThumbnailGrid</name>
    <message>
        <source>Click a thumbnail to inspect it. Ctrl+wheel or Ctrl+= / Ctrl+- to zoom.</source>
        <translation>썸네일을 클릭하면 살펴봅니다. Ctrl+휠 또는 Ctrl+= / Ctrl+-로 확대/축소합니다.</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>#{index}  label: {label}</source>
        <translation>#{index}  정답: {label}</translation>
    </message>
    <message>
        <source>predicted: {answer} ({confidence:.0%})</source>
        <translation>예측: {answer} ({confidence:.0%})</translation>
    </message>
    <message>
        <source> (the model&apos;s own classes)</source>
        <translation> (모델 자신의 클래스)</translation>
    </message>
    <message>
        <source>could not read this image: {error}</source>
        <translation>이 이미지를 읽을 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>TrainForm</name>
    <message>
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>The folder every panel reads datasets from (and downloads them to)</source>
        <translation>모든 패널이 데이터셋을 읽는(그리고 내려받는) 폴더</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>폴더 선택…</translation>
    </message>
    <message>
        <source>Pick the folder that holds (or will hold) the dataset files</source>
        <translation>데이터셋 파일이 있는(또는 있을) 폴더를 고릅니다</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>데이터 폴더:</translation>
    </message>
    <message>
        <source>Download when missing</source>
        <translation>없으면 내려받기</translation>
    </message>
    <message>
        <source>Fetch the dataset from the internet if its files are not in the data folder</source>
        <translation>데이터 폴더에 파일이 없으면 인터넷에서 데이터셋을 받아 옵니다</translation>
    </message>
    <message>
        <source>Train only on the first N training samples (0 = all of them)</source>
        <translation>처음 N개의 학습 샘플로만 학습합니다(0 = 전체)</translation>
    </message>
    <message>
        <source>Test only on the first N test samples (0 = all of them)</source>
        <translation>처음 N개의 테스트 샘플로만 테스트합니다(0 = 전체)</translation>
    </message>
    <message>
        <source>Train samples:</source>
        <translation>학습 샘플:</translation>
    </message>
    <message>
        <source>Test samples:</source>
        <translation>테스트 샘플:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Optimizer and loss</source>
        <translation>옵티마이저와 손실</translation>
    </message>
    <message>
        <source>Learning rate: how big each optimisation step is (arrow keys step by the leading digit)</source>
        <translation>학습률: 최적화 단계 하나의 크기(화살표 키는 맨 앞 자릿수 단위로 바꿈)</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>학습률:</translation>
    </message>
    <message>
        <source>Loss:</source>
        <translation>손실 함수:</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>How many passes over the training data</source>
        <translation>학습 데이터를 몇 번 훑을지</translation>
    </message>
    <message>
        <source>Samples per optimisation step</source>
        <translation>최적화 단계 하나당 샘플 수</translation>
    </message>
    <message>
        <source>Where to train: auto picks the best device found</source>
        <translation>학습할 장치: auto는 찾은 장치 중 가장 좋은 것을 고릅니다</translation>
    </message>
    <message>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>The same seed gives the same run again; &apos;random&apos; (the lowest value) differs each time</source>
        <translation>같은 시드는 같은 실행을 다시 만듭니다. &apos;무작위&apos;(가장 낮은 값)는 매번 다릅니다</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>에폭:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>배치 크기:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>장치:</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>정밀도:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <source>Open run…</source>
        <translation>실행 파일 열기…</translation>
    </message>
    <message>
        <source>Fill the form from a run file (TOML) exported earlier</source>
        <translation>앞서 내보낸 실행 파일(TOML)로 양식을 채웁니다</translation>
    </message>
    <message>
        <source>Export run…</source>
        <translation>실행 파일 내보내기…</translation>
    </message>
    <message>
        <source>Write these settings as a run file, with the command that trains it headless or on a cluster (torchdesk train --config FILE)</source>
        <translation>이 설정을 실행 파일로 쓰고, 화면 없이 또는 클러스터에서 학습하는 명령도 함께 적습니다(torchdesk train --config FILE)</translation>
    </message>
    <message>
        <source>auto ({device})</source>
        <translation>auto ({device})</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Could not list devices: {error}</source>
        <translation>장치 목록을 가져올 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>{label} ({precision} here)</source>
        <translation>{label} (여기서는 {precision})</translation>
    </message>
    <message>
        <source>The number format training computes in. Mixed precision (bf16, fp16) keeps the weights and checkpoints in fp32 and is faster where the hardware has it; auto uses it there and fp32 elsewhere. fp32 repeats a run exactly.</source>
        <translation>학습에서 계산에 쓰는 수 형식입니다. 혼합 정밀도(bf16, fp16)는 가중치와 체크포인트를 fp32로 유지하며, 하드웨어가 지원하면 더 빠릅니다. 자동은 지원되는 곳에서 혼합 정밀도를, 그 밖에서는 fp32를 씁니다. fp32는 실행을 정확히 재현합니다.</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>데이터 폴더 선택</translation>
    </message>
    <message>
        <source>device {device} is not available here; using auto</source>
        <translation>장치 {device}을(를) 여기서 쓸 수 없어 auto를 사용합니다</translation>
    </message>
    <message>
        <source>precision {precision} is unknown; using auto</source>
        <translation>정밀도 {precision}을(를) 알 수 없어 auto를 사용합니다</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <source>The run cannot start: {error}</source>
        <translation>실행을 시작할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Cannot start: {error}</source>
        <translation>시작할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Loading {dataset} from {folder}…</source>
        <translation>{folder}에서 {dataset} 불러오는 중…</translation>
    </message>
    <message>
        <source>Loading data…</source>
        <translation>데이터 불러오는 중…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>A run is already going: stop it before resuming a checkpoint.</source>
        <translation>이미 실행 중입니다: 체크포인트를 이어 학습하기 전에 중지하세요.</translation>
    </message>
    <message>
        <source>{file} holds only weights (a plain state dict), so there is no run to continue. Load it in the Checkpoints panel and start a new run instead.</source>
        <translation>{file}에는 가중치(단순 state dict)만 있어 이어 갈 실행이 없습니다. 체크포인트 패널에서 불러온 뒤 새 실행을 시작하세요.</translation>
    </message>
    <message>
        <source>This file</source>
        <translation>이 파일</translation>
    </message>
    <message>
        <source>Resume: {note}</source>
        <translation>이어 학습: {note}</translation>
    </message>
    <message>
        <source>Resuming {file} after epoch {done}, training to epoch {epochs}.</source>
        <translation>{file}을(를) 에폭 {done} 다음부터 이어 에폭 {epochs}까지 학습합니다.</translation>
    </message>
    <message>
        <source>the checkpoint</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <source>The settings cannot be exported: {error}</source>
        <translation>설정을 내보낼 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Export run</source>
        <translation>실행 파일 내보내기</translation>
    </message>
    <message>
        <source>Run files (*.toml)</source>
        <translation>실행 파일 (*.toml)</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>{path}을(를) 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Exported the run to {path}. Train it headless with: {command}</source>
        <translation>실행을 {path}(으)로 내보냈습니다. 화면 없이 학습하려면: {command}</translation>
    </message>
    <message>
        <source>Run exported: {command}</source>
        <translation>실행 파일을 내보냈습니다: {command}</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>실행 파일 열기</translation>
    </message>
    <message>
        <source>Run file: {note}</source>
        <translation>실행 파일: {note}</translation>
    </message>
    <message>
        <source>Loaded the run from {path}</source>
        <translation>{path}에서 실행을 불러왔습니다</translation>
    </message>
    <message>
        <source>Export plots as PNG</source>
        <translation>그래프를 PNG로 내보내기</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Export plots as CSV</source>
        <translation>그래프를 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>{path}을(를) 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} 저장함</translation>
    </message>
    <message>
        <source>Training {model} on {dataset}…</source>
        <translation>{dataset}(으)로 {model} 학습 중…</translation>
    </message>
    <message>
        <source>Training paused</source>
        <translation>학습 일시 정지됨</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>학습 중지됨</translation>
    </message>
    <message>
        <source>Training finished, test accuracy {accuracy:.2f}%</source>
        <translation>학습 완료, 테스트 정확도 {accuracy:.2f}%</translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation>학습 완료</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>학습 실패</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>폴더 선택…</translation>
    </message>
    <message>
        <source>Pick the folder that already holds these files, then start again</source>
        <translation>이 파일이 이미 있는 폴더를 고른 뒤 다시 시작합니다</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>다시 시도</translation>
    </message>
    <message>
        <source>Start again with the current data folder</source>
        <translation>현재 데이터 폴더로 다시 시작합니다</translation>
    </message>
    <message>
        <source>The dataset is not on disk</source>
        <translation>데이터셋이 디스크에 없습니다</translation>
    </message>
    <message>
        <source>the saved settings could not be read ({error}); using the defaults</source>
        <translation>저장된 설정을 읽을 수 없어({error}) 기본값을 사용합니다</translation>
    </message>
    <message>
        <source>Last settings: {note}</source>
        <translation>마지막 설정: {note}</translation>
    </message>
    <message>
        <source>{model} was not started: a run is already going; stop it first.</source>
        <translation>{model}을(를) 시작하지 않았습니다: 이미 실행 중이니 먼저 중지하세요.</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>a training run is already going; stop it first</source>
        <translation>이미 학습이 실행 중입니다. 먼저 중지하세요</translation>
    </message>
    <message>
        <source>The other panels cannot follow this run: {error}</source>
        <translation>다른 패널이 이 실행을 따라갈 수 없습니다: {error}</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>Training loss per batch</source>
        <translation>배치별 학습 손실</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Every batch&apos;s loss (faint) with a smoothed line over it. Drag to pan, wheel to zoom.</source>
        <translation>배치마다의 손실(흐린 선)과 그 위의 매끄러운 선. 끌어서 이동, 휠로 확대/축소.</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>평활</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>에폭별 손실</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Mean training loss and test loss after each epoch.</source>
        <translation>에폭마다의 평균 학습 손실과 테스트 손실.</translation>
    </message>
    <message>
        <source>train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>Share of the test split classified correctly after each epoch.</source>
        <translation>에폭마다 테스트 분할에서 올바르게 분류한 비율.</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>{path}을(를) 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>TransformsEditor</name>
    <message>
        <source>Use the dataset&apos;s default preprocessing</source>
        <translation>데이터셋 기본 전처리 사용</translation>
    </message>
    <message>
        <source>ToTensor plus the dataset&apos;s usual normalisation. Untick to choose the preprocessing transforms yourself.</source>
        <translation>ToTensor에 데이터셋의 일반적인 정규화를 더합니다. 전처리 변형을 직접 고르려면 선택을 해제하세요.</translation>
    </message>
    <message>
        <source>Tick the transforms to apply. Augmentations change training images only; label transforms change the targets. Select one to edit its parameters.</source>
        <translation>적용할 변형에 체크하세요. 증강은 학습 이미지만 바꾸고, 정답 변형은 정답을 바꿉니다. 하나를 선택하면 매개변수를 편집합니다.</translation>
    </message>
    <message>
        <source>{name} (labels)</source>
        <translation>{name} (정답)</translation>
    </message>
    <message>
        <source>{name} (training only)</source>
        <translation>{name} (학습 전용)</translation>
    </message>
    <message>
        <source>Select a transform to see its parameters.</source>
        <translation>변형을 선택하면 매개변수를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; parameters:</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; 매개변수:</translation>
    </message>
    <message>
        <source>transform {id} is not installed any more</source>
        <translation>변형 {id}이(가) 더 이상 설치되어 있지 않습니다</translation>
    </message>
</context>
</TS>
