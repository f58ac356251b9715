<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>AutosaveBox</name>
    <message>
        <source>Autosave while training</source>
        <translation>학습 중 자동 저장</translation>
    </message>
    <message>
        <source>Save after every epoch</source>
        <translation>에폭마다 저장</translation>
    </message>
    <message>
        <source>Write &lt;model&gt;-&lt;dataset&gt;-&lt;time&gt;-latest.pt into the folder at each epoch end (atomically: a crash keeps the previous one)</source>
        <translation>에폭이 끝날 때마다 폴더에 &lt;model&gt;-&lt;dataset&gt;-&lt;time&gt;-latest.pt를 씁니다 (원자적으로 쓰므로 중간에 멈춰도 이전 파일이 남습니다)</translation>
    </message>
    <message>
        <source>Keep the best by test accuracy</source>
        <translation>테스트 정확도 최고 모델 보관</translation>
    </message>
    <message>
        <source>Also write …-best.pt whenever an epoch beats every earlier one of the run</source>
        <translation>에폭이 이번 실행의 이전 에폭보다 모두 나을 때마다 …-best.pt도 씁니다</translation>
    </message>
    <message>
        <source>No run yet.</source>
        <translation>아직 실행이 없습니다.</translation>
    </message>
    <message>
        <source>The last autosave</source>
        <translation>마지막 자동 저장</translation>
    </message>
</context>
<context>
    <name>BackgroundImporter</name>
    <message>
        <source>{error}. Plugins &gt; Plugins… shows the details and can switch it off.</source>
        <translation>{error}. 플러그인 &gt; 플러그인…에서 자세한 내용을 보고 끌 수 있습니다.</translation>
    </message>
    <message>
        <source>PyTorch could not be loaded.</source>
        <translation>PyTorch를 불러올 수 없습니다.</translation>
    </message>
    <message>
        <source>Some libraries could not be imported; parts of torchdesk may not work.</source>
        <translation>일부 라이브러리를 가져올 수 없습니다. torchdesk의 일부 기능이 작동하지 않을 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>CheckpointBrowser</name>
    <message>
        <source>Select a checkpoint to see its curves and details.</source>
        <translation>체크포인트를 선택하면 곡선과 세부 정보가 표시됩니다.</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Save the current model and run to a file you choose (Ctrl+S)</source>
        <translation>현재 모델과 실행을 선택한 파일에 저장합니다 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>파일 열기…</translation>
    </message>
    <message>
        <source>Open a checkpoint, a state dict or a pickled model from anywhere (Ctrl+O)</source>
        <translation>어느 위치에서든 체크포인트, state dict 또는 피클된 모델을 엽니다 (Ctrl+O)</translation>
    </message>
    <message>
        <source>The folder listed below; autosaves go here too</source>
        <translation>아래에 나열된 폴더입니다. 자동 저장도 이곳에 됩니다</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>변경…</translation>
    </message>
    <message>
        <source>List and autosave into another folder</source>
        <translation>다른 폴더를 나열하고 그곳에 자동 저장합니다</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Read the folder again (F5)</source>
        <translation>폴더를 다시 읽습니다 (F5)</translation>
    </message>
    <message>
        <source>What the folder holds</source>
        <translation>폴더에 있는 내용</translation>
    </message>
    <message>
        <source>What the selected file records</source>
        <translation>선택한 파일에 기록된 내용</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Make the selected checkpoint the app&apos;s current model: the Train, Classify and Model panels use it at once (Enter)</source>
        <translation>선택한 체크포인트를 앱의 현재 모델로 만듭니다. 학습, 분류, 모델 패널이 바로 사용합니다 (Enter)</translation>
    </message>
    <message>
        <source>Resume training</source>
        <translation>학습 재개</translation>
    </message>
    <message>
        <source>Load it and continue training in the Train panel: the epoch count, optimizer state and curves go on</source>
        <translation>불러온 뒤 학습 패널에서 학습을 이어갑니다. 에폭 수, 옵티마이저 상태, 곡선이 이어집니다</translation>
    </message>
    <message>
        <source>Checkpoints in the folder: click a column to sort, double-click (or Enter) to load</source>
        <translation>폴더의 체크포인트: 열을 클릭하면 정렬하고, 두 번 클릭(또는 Enter)하면 불러옵니다</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>폴더:</translation>
    </message>
    <message>
        <source>The folder does not exist yet; it is created on the first save.</source>
        <translation>폴더가 아직 없습니다. 처음 저장할 때 만들어집니다.</translation>
    </message>
    <message>
        <source>{n} checkpoint</source>
        <translation>체크포인트 {n}개</translation>
    </message>
    <message>
        <source>{n} checkpoints</source>
        <translation>체크포인트 {n}개</translation>
    </message>
    <message>
        <source>, {n} file that cannot be opened safely</source>
        <translation>, 안전하게 열 수 없는 파일 {n}개</translation>
    </message>
    <message>
        <source>, {n} files that cannot be opened safely</source>
        <translation>, 안전하게 열 수 없는 파일 {n}개</translation>
    </message>
    <message>
        <source>, best {accuracy:.2f}%</source>
        <translation>, 최고 {accuracy:.2f}%</translation>
    </message>
    <message>
        <source>{model} on {dataset} · {n} epoch{best}</source>
        <translation>{model} · {dataset} · {n} 에폭{best}</translation>
    </message>
    <message>
        <source>{model} on {dataset} · {n} epochs{best}</source>
        <translation>{model} · {dataset} · {n} 에폭{best}</translation>
    </message>
</context>
<context>
    <name>CheckpointOpener</name>
    <message>
        <source>{name} could not be opened: {error}</source>
        <translation>{name}을(를) 열 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>{name} was not opened: its model&apos;s code was not trusted, and nothing in it ran.</source>
        <translation>{name}을(를) 열지 않았습니다: 모델의 코드를 신뢰하지 않았으며, 그 안의 어떤 것도 실행되지 않았습니다.</translation>
    </message>
    <message>
        <source>The model in {name} could not be rebuilt: {error}</source>
        <translation>{name}의 모델을 다시 만들 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>checkpoint {name}</source>
        <translation>체크포인트 {name}</translation>
    </message>
    <message>
        <source>, test accuracy {accuracy:.2f}%</source>
        <translation>, 테스트 정확도 {accuracy:.2f}%</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Loaded {name}: {model} after {n} epoch{accuracy}. The Train, Classify and Model panels use it now.</source>
        <translation>{name}을(를) 불러왔습니다: {n} 에폭 후의 {model}{accuracy}. 이제 학습, 분류, 모델 패널이 이 모델을 사용합니다.</translation>
    </message>
    <message>
        <source>Loaded {name}: {model} after {n} epochs{accuracy}. The Train, Classify and Model panels use it now.</source>
        <translation>{name}을(를) 불러왔습니다: {n} 에폭 후의 {model}{accuracy}. 이제 학습, 분류, 모델 패널이 이 모델을 사용합니다.</translation>
    </message>
    <message>
        <source>{name} was not loaded.</source>
        <translation>{name}을(를) 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>the model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Loaded the weights in {name} into {model}.</source>
        <translation>{name}의 가중치를 {model}에 불러왔습니다.</translation>
    </message>
    <message>
        <source>{name} was not opened: it holds pickled Python objects that could run code, and it was not trusted. Nothing in it ran.</source>
        <translation>{name}을(를) 열지 않았습니다: 코드를 실행할 수 있는 피클된 Python 객체가 들어 있고 신뢰하지 않았습니다. 그 안의 어떤 것도 실행되지 않았습니다.</translation>
    </message>
    <message>
        <source>{name} was not opened.</source>
        <translation>{name}을(를) 열지 않았습니다.</translation>
    </message>
    <message>
        <source>whole model {name}</source>
        <translation>전체 모델 {name}</translation>
    </message>
    <message>
        <source>Loaded the whole model in {name} (trusted).</source>
        <translation>{name}의 전체 모델을 불러왔습니다 (신뢰함).</translation>
    </message>
</context>
<context>
    <name>CheckpointTableModel</name>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>에폭</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>저장 시각</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>The checkpoint&apos;s file name</source>
        <translation>체크포인트의 파일 이름</translation>
    </message>
    <message>
        <source>The model plugin it was trained with</source>
        <translation>학습에 쓴 모델 플러그인</translation>
    </message>
    <message>
        <source>The dataset it was trained on</source>
        <translation>학습에 쓴 데이터셋</translation>
    </message>
    <message>
        <source>Epochs completed when it was saved</source>
        <translation>저장할 때까지 마친 에폭 수</translation>
    </message>
    <message>
        <source>Test accuracy at its last epoch</source>
        <translation>마지막 에폭의 테스트 정확도</translation>
    </message>
    <message>
        <source>When it was saved</source>
        <translation>저장한 시각</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>파일 크기</translation>
    </message>
    <message>
        <source>(pickled code)</source>
        <translation>(피클된 코드)</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(읽을 수 없음)</translation>
    </message>
</context>
<context>
    <name>CheckpointsController</name>
    <message>
        <source>Run {run}: saving into {folder}</source>
        <translation>실행 {run}: {folder}에 저장 중</translation>
    </message>
    <message>
        <source>Autosave is off for this run.</source>
        <translation>이 실행은 자동 저장이 꺼져 있습니다.</translation>
    </message>
    <message>
        <source>There is no model to save yet: train one in the Train panel or open a checkpoint.</source>
        <translation>아직 저장할 모델이 없습니다. 학습 패널에서 학습하거나 체크포인트를 여십시오.</translation>
    </message>
    <message>
        <source>Training is running and no epoch has finished yet. Save after the first epoch, or stop training and save.</source>
        <translation>학습이 진행 중이고 아직 끝난 에폭이 없습니다. 첫 에폭 후에 저장하거나, 학습을 멈추고 저장하십시오.</translation>
    </message>
    <message>
        <source>(the state at the end of epoch {epoch}; training goes on)</source>
        <translation>(에폭 {epoch} 종료 시점의 상태, 학습은 계속됨)</translation>
    </message>
    <message>
        <source>as a plain state dict (weights only)</source>
        <translation>일반 state dict로 (가중치만)</translation>
    </message>
    <message>
        <source>Nothing to export: select a checkpoint, or train or load a model first.</source>
        <translation>내보낼 것이 없습니다. 체크포인트를 선택하거나, 먼저 모델을 학습하거나 불러오십시오.</translation>
    </message>
</context>
<context>
    <name>CheckpointsPanel</name>
    <message>
        <source>Checkpoints (*.pt *.pth *.ckpt);;All files (*)</source>
        <translation>체크포인트 (*.pt *.pth *.ckpt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Reading {done}/{total}…</source>
        <translation>읽는 중 {done}/{total}…</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>이 메시지 숨기기</translation>
    </message>
    <message>
        <source>Reading {folder}…</source>
        <translation>{folder} 읽는 중…</translation>
    </message>
    <message>
        <source>The folder could not be read.</source>
        <translation>폴더를 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not read {folder}: {reason}</source>
        <translation>{folder}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}</source>
        <translation>{path}에 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}{note}.</source>
        <translation>{path}에 저장했습니다{note}.</translation>
    </message>
    <message>
        <source>Save checkpoint</source>
        <translation>체크포인트 저장</translation>
    </message>
    <message>
        <source>Open checkpoint</source>
        <translation>체크포인트 열기</translation>
    </message>
    <message>
        <source>Choose the checkpoints folder</source>
        <translation>체크포인트 폴더 선택</translation>
    </message>
    <message>
        <source>Epoch {epoch} saved (best so far): {name}</source>
        <translation>에폭 {epoch} 저장됨 (지금까지 최고): {name}</translation>
    </message>
    <message>
        <source>Epoch {epoch} saved (latest): {name}</source>
        <translation>에폭 {epoch} 저장됨 (최신): {name}</translation>
    </message>
    <message>
        <source>Training goes on.</source>
        <translation>학습은 계속됩니다.</translation>
    </message>
    <message>
        <source>Export model</source>
        <translation>모델 내보내기</translation>
    </message>
    <message>
        <source>*{suffix};;All files (*)</source>
        <translation>*{suffix};;모든 파일 (*)</translation>
    </message>
    <message>
        <source>A model is being exported.</source>
        <translation>모델을 내보내는 중입니다.</translation>
    </message>
</context>
<context>
    <name>ComponentPicker</name>
    <message>
        <source>Which {kind} to use (offered by the installed plugins)</source>
        <translation>사용할 {kind} (설치된 플러그인이 제공)</translation>
    </message>
    <message>
        <source>{description}
(id: {id}, plugin: {plugin})</source>
        <translation>{description}
(id: {id}, 플러그인: {plugin})</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>기본 제공</translation>
    </message>
    <message>
        <source>No {kind} is available.</source>
        <translation>사용할 수 있는 {kind}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>No {kind} is available: install or enable a plugin that offers one.</source>
        <translation>사용할 수 있는 {kind}이(가) 없습니다. 이를 제공하는 플러그인을 설치하거나 켜십시오.</translation>
    </message>
    <message>
        <source>{kind} {id!r} is not installed any more; using {current}</source>
        <translation>{kind} {id!r}이(가) 더 이상 설치되어 있지 않습니다. {current}을(를) 사용합니다</translation>
    </message>
</context>
<context>
    <name>CurvesPreview</name>
    <message>
        <source>Loss per epoch</source>
        <translation>에폭별 손실</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
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
        <source>The selected checkpoint&apos;s mean training loss and test loss after each epoch</source>
        <translation>선택한 체크포인트의 에폭별 평균 학습 손실과 테스트 손실</translation>
    </message>
    <message>
        <source>The selected checkpoint&apos;s test accuracy after each epoch</source>
        <translation>선택한 체크포인트의 에폭별 테스트 정확도</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에폭</translation>
    </message>
</context>
<context>
    <name>DatasetSamples</name>
    <message>
        <source>the drawing</source>
        <translation>그림</translation>
    </message>
    <message>
        <source>The drawing</source>
        <translation>그림</translation>
    </message>
    <message>
        <source>{name} in {folder} has no test samples.</source>
        <translation>{folder}의 {name}에 테스트 샘플이 없습니다.</translation>
    </message>
    <message>
        <source>{name} has {count} test samples; #{index} does not exist.</source>
        <translation>{name}의 테스트 샘플은 {count}개입니다. #{index}은(는) 없습니다.</translation>
    </message>
    <message>
        <source>test sample #{index} ({label})</source>
        <translation>테스트 샘플 #{index} ({label})</translation>
    </message>
</context>
<context>
    <name>ErrorBar</name>
    <message>
        <source>Details…</source>
        <translation>자세히…</translation>
    </message>
    <message>
        <source>Show the full error with its technical detail (traceback).</source>
        <translation>기술적 세부 정보(트레이스백)와 함께 전체 오류를 보여 줍니다.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Hide this message (Details… keeps every error of this session).</source>
        <translation>이 메시지를 숨깁니다 (자세히…에 이번 세션의 모든 오류가 남습니다).</translation>
    </message>
    <message>
        <source>(+{n} earlier)</source>
        <translation>(이전 {n}개 더)</translation>
    </message>
</context>
<context>
    <name>ErrorDetailsDialog</name>
    <message>
        <source>Error details</source>
        <translation>오류 세부 정보</translation>
    </message>
    <message>
        <source>What went wrong, newest first, with the technical detail.</source>
        <translation>무엇이 잘못되었는지 최신 순으로, 기술적 세부 정보와 함께 보여 줍니다.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy everything shown here to the clipboard (for a bug report).</source>
        <translation>여기 표시된 모든 내용을 클립보드에 복사합니다 (버그 보고용).</translation>
    </message>
</context>
<context>
    <name>ExportBox</name>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>The file format to export to (greyed out: a package it needs is missing)</source>
        <translation>내보낼 파일 형식 (회색: 필요한 패키지가 없음)</translation>
    </message>
    <message>
        <source>The export fails when its outputs differ from the model&apos;s by more than this</source>
        <translation>내보낸 모델의 출력이 원래 모델과 이보다 크게 다르면 내보내기가 실패합니다</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Export the selected checkpoint (or, with none selected, the current model), then reload it and compare its outputs</source>
        <translation>선택한 체크포인트(선택이 없으면 현재 모델)를 내보낸 뒤 다시 불러와 출력을 비교합니다</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop the export; nothing is written</source>
        <translation>내보내기를 멈춥니다. 아무것도 쓰지 않습니다</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>Export steps: prepare, export, write, reload, compare</source>
        <translation>내보내기 단계: 준비, 내보내기, 쓰기, 다시 불러오기, 비교</translation>
    </message>
    <message>
        <source>Exports are verified: reloaded and run next to the model on sample inputs.</source>
        <translation>내보낸 파일은 검증됩니다: 다시 불러와 샘플 입력으로 원래 모델과 나란히 실행합니다.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <source>Tolerance:</source>
        <translation>허용 오차:</translation>
    </message>
    <message>
        <source>Exporting {format}…</source>
        <translation>{format} 내보내는 중…</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>{path}(으)로 내보내는 중…</translation>
    </message>
    <message>
        <source>Verified · max |difference| {difference:.2e}</source>
        <translation>검증됨 · 최대 |차이| {difference:.2e}</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>내보내지 않음</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>내보내기를 취소했습니다. 아무것도 쓰지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>GraphTab</name>
    <message>
        <source>Auto</source>
        <translation>자동</translation>
    </message>
    <message>
        <source>Every layer</source>
        <translation>모든 계층</translation>
    </message>
    <message>
        <source>Top-level modules</source>
        <translation>최상위 모듈</translation>
    </message>
    <message>
        <source>Modules to depth 2</source>
        <translation>깊이 2까지의 모듈</translation>
    </message>
    <message>
        <source>Modules to depth 3</source>
        <translation>깊이 3까지의 모듈</translation>
    </message>
    <message>
        <source>Modules to depth 4</source>
        <translation>깊이 4까지의 모듈</translation>
    </message>
    <message>
        <source>The model&apos;s dataflow graph. Wheel: zoom; drag: pan; F: fit; 0: actual size; click a layer to inspect it.</source>
        <translation>모델의 데이터 흐름 그래프. 휠: 확대/축소, 끌기: 이동, F: 맞춤, 0: 실제 크기, 계층을 클릭하면 살펴봅니다.</translation>
    </message>
    <message>
        <source>Draw every layer, or fold everything inside modules nested deeper than a depth into one box each (a residual block, a stage). Auto folds large models.</source>
        <translation>모든 계층을 그리거나, 일정 깊이보다 깊이 중첩된 모듈의 내용을 각각 상자 하나로 접습니다 (잔차 블록, 스테이지). 자동은 큰 모델을 접습니다.</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>맞춤</translation>
    </message>
    <message>
        <source>Show the whole graph (F)</source>
        <translation>전체 그래프 보기 (F)</translation>
    </message>
    <message>
        <source>Actual size, from the top (0)</source>
        <translation>실제 크기, 맨 위부터 (0)</translation>
    </message>
    <message>
        <source>Export the graph as a PNG image (Ctrl+Shift+E)</source>
        <translation>그래프를 PNG 이미지로 내보내기 (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Export the graph as an SVG drawing (Ctrl+Alt+E)</source>
        <translation>그래프를 SVG 도면으로 내보내기 (Ctrl+Alt+E)</translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation>세부 수준:</translation>
    </message>
    <message>
        <source>torch.fx could not trace this model, so the graph was recorded from one forward pass with module hooks: it shows the path this input took. ({reason})</source>
        <translation>torch.fx가 이 모델을 추적할 수 없어, 모듈 훅으로 순전파 한 번을 기록해 그래프를 만들었습니다. 이 입력이 지나간 경로만 보여 줍니다. ({reason})</translation>
    </message>
    <message>
        <source>traced with torch.fx</source>
        <translation>torch.fx로 추적함</translation>
    </message>
    <message>
        <source>traced with module hooks (fallback)</source>
        <translation>모듈 훅으로 추적함 (대체 방식)</translation>
    </message>
    <message>
        <source>read from the {format} file</source>
        <translation>{format} 파일에서 읽음</translation>
    </message>
    <message>
        <source>, folded to depth {depth}</source>
        <translation>, 깊이 {depth}로 접음</translation>
    </message>
    <message>
        <source>{boxes} boxes, {arrows} arrows — {how}{folded}. Wheel zooms, drag pans, F fits.</source>
        <translation>상자 {boxes}개, 화살표 {arrows}개 — {how}{folded}. 휠: 확대/축소, 끌기: 이동, F: 맞춤.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 도면 (*.svg)</translation>
    </message>
    <message>
        <source>Build a model first: there is no graph to export yet.</source>
        <translation>먼저 모델을 만드십시오. 아직 내보낼 그래프가 없습니다.</translation>
    </message>
    <message>
        <source>Export the graph</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <source>The graph could not be saved: {error}</source>
        <translation>그래프를 저장할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Saved the graph to {path}</source>
        <translation>그래프를 {path}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>LayerInspector</name>
    <message>
        <source>Click a layer in the graph or the table.</source>
        <translation>그래프나 표에서 계층을 클릭하십시오.</translation>
    </message>
    <message>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>weight value</source>
        <translation>가중치 값</translation>
    </message>
    <message>
        <source>How the layer&apos;s weight values are spread (all its parameter tensors together).</source>
        <translation>계층의 가중치 값 분포 (모든 매개변수 텐서를 합쳐서).</translation>
    </message>
    <message>
        <source>The convolution&apos;s filters, each scaled on its own: bright = large positive weight.</source>
        <translation>합성곱 필터, 각각 따로 크기 조정됨: 밝을수록 큰 양의 가중치.</translation>
    </message>
    <message>
        <source>Which input channel of the filters to show (filters over RGB input show in colour).</source>
        <translation>보여 줄 필터의 입력 채널 (RGB 입력의 필터는 컬러로 표시).</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>필터</translation>
    </message>
    <message>
        <source>Input channel</source>
        <translation>입력 채널</translation>
    </message>
    <message>
        <source>The layer&apos;s output channels for the sample, each scaled on its own.</source>
        <translation>샘플에 대한 계층의 출력 채널, 각각 따로 크기 조정됨.</translation>
    </message>
    <message>
        <source>The layer&apos;s output values for the sample.</source>
        <translation>샘플에 대한 계층의 출력 값.</translation>
    </message>
    <message>
        <source>Activations for the sample</source>
        <translation>샘플의 활성화</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>{name}  ·  {type}  ·  {params:,} parameters</source>
        <translation>{name}  ·  {type}  ·  매개변수 {params:,}개</translation>
    </message>
    <message>
        <source>whole model</source>
        <translation>전체 모델</translation>
    </message>
    <message>
        <source>Build a model to inspect its layers.</source>
        <translation>모델을 만들면 계층을 살펴볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Click a layer in the graph or the table to see its weights and activations.</source>
        <translation>그래프나 표에서 계층을 클릭하면 가중치와 활성화가 보입니다.</translation>
    </message>
    <message>
        <source>Filters: 1×1, shown as the weight matrix ({total} rows × inputs)</source>
        <translation>필터: 1×1, 가중치 행렬로 표시 ({total}행 × 입력)</translation>
    </message>
    <message>
        <source>Filters ({shown} of {total} shown)</source>
        <translation>필터 ({total}개 중 {shown}개 표시)</translation>
    </message>
    <message>
        <source>Filters ({total})</source>
        <translation>필터 ({total})</translation>
    </message>
    <message>
        <source>The sample could not pass through the model: {error}</source>
        <translation>샘플이 모델을 통과하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>{layer} was not called for this sample.</source>
        <translation>이 샘플에서는 {layer}이(가) 호출되지 않았습니다.</translation>
    </message>
    <message>
        <source>The model was not called for this sample.</source>
        <translation>이 샘플에서는 모델이 호출되지 않았습니다.</translation>
    </message>
    <message>
        <source>{sample}: output {shape}, mean {mean:+.3f}, max {max:+.3f}, {zero:.0f}% ≤ 0</source>
        <translation>{sample}: 출력 {shape}, 평균 {mean:+.3f}, 최대 {max:+.3f}, {zero:.0f}% ≤ 0</translation>
    </message>
    <message>
        <source>first {shown} of {total} channels</source>
        <translation>채널 {total}개 중 처음 {shown}개</translation>
    </message>
    <message>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>유닛</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
</context>
<context>
    <name>LayerTable</name>
    <message>
        <source>Layer</source>
        <translation>계층</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 모양</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>학습 가능</translation>
    </message>
    <message>
        <source>Every module with its output shape for the current input, its parameters (including those of its children) and multiply-accumulates per sample.</source>
        <translation>모든 모듈과 현재 입력에 대한 출력 모양, 매개변수 수(하위 모듈 포함), 샘플당 곱셈-누산(MAC) 수.</translation>
    </message>
    <message>
        <source>(×{n} calls)</source>
        <translation>(×{n}회 호출)</translation>
    </message>
    <message>
        <source>(model)</source>
        <translation>(모델)</translation>
    </message>
    <message>
        <source>{layer}: {detail}</source>
        <translation>{layer}: {detail}</translation>
    </message>
    <message>
        <source>the whole model</source>
        <translation>전체 모델</translation>
    </message>
</context>
<context>
    <name>LiveNorms</name>
    <message>
        <source>Stopped watching the norms: {error}</source>
        <translation>노름 관찰을 멈췄습니다: {error}</translation>
    </message>
    <message>
        <source>Live:</source>
        <translation>실시간:</translation>
    </message>
    <message>
        <source>After training:</source>
        <translation>학습 후:</translation>
    </message>
    <message>
        <source>epoch {epoch}, step {step}, loss {loss:.4f}.</source>
        <translation>에폭 {epoch}, 단계 {step}, 손실 {loss:.4f}.</translation>
    </message>
    <message>
        <source>{layers} layers with parameters, {passes} backward passes seen.</source>
        <translation>매개변수가 있는 계층 {layers}개, 관찰한 역전파 {passes}회.</translation>
    </message>
    <message>
        <source>Parameter norms of the inspected model (no training running; gradient norms appear live while the current model trains).</source>
        <translation>살펴보는 모델의 매개변수 노름 (학습 중 아님. 현재 모델이 학습하는 동안 변화도 노름이 실시간으로 표시됩니다).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading PyTorch and plugins…</source>
        <translation>PyTorch와 플러그인을 불러오는 중…</translation>
    </message>
    <message>
        <source>System</source>
        <translation>시스템</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>플레이그라운드</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>체크포인트</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Editor, console, history, variables, values and autograd graph for the safe evaluator.</source>
        <translation>안전한 평가기를 위한 편집기, 콘솔, 기록, 변수, 값, autograd 그래프.</translation>
    </message>
    <message>
        <source>Dataset and split pickers, a thumbnail grid, class statistics, a sample inspector and model verdicts.</source>
        <translation>데이터셋과 분할 선택, 썸네일 격자, 클래스 통계, 샘플 검사기, 모델 판정.</translation>
    </message>
    <message>
        <source>Choose a model and input; see its summary, layers, graph, weights, activations and norms.</source>
        <translation>모델과 입력을 고르고 요약, 계층, 그래프, 가중치, 활성화, 노름을 봅니다.</translation>
    </message>
    <message>
        <source>Train a model on a dataset and watch loss, accuracy and the confusion matrix live.</source>
        <translation>데이터셋으로 모델을 학습하며 손실, 정확도, 혼동 행렬을 실시간으로 봅니다.</translation>
    </message>
    <message>
        <source>Save, browse, load, resume, autosave and export checkpoints.</source>
        <translation>체크포인트 저장, 찾아보기, 불러오기, 재개, 자동 저장, 내보내기.</translation>
    </message>
    <message>
        <source>Draw (or open, paste, drop an image, or pick a test sample) and see the model&apos;s top classes.</source>
        <translation>그림을 그리거나(또는 이미지를 열거나 붙여넣거나 끌어 놓거나 테스트 샘플을 골라) 모델의 상위 클래스를 봅니다.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>활성</translation>
    </message>
    <message>
        <source>partly failed</source>
        <translation>일부 실패</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <source>{n} model</source>
        <translation>모델 {n}개</translation>
    </message>
    <message>
        <source>{n} models</source>
        <translation>모델 {n}개</translation>
    </message>
    <message>
        <source>{n} dataset</source>
        <translation>데이터셋 {n}개</translation>
    </message>
    <message>
        <source>{n} datasets</source>
        <translation>데이터셋 {n}개</translation>
    </message>
    <message>
        <source>{n} transform</source>
        <translation>변형 {n}개</translation>
    </message>
    <message>
        <source>{n} transforms</source>
        <translation>변형 {n}개</translation>
    </message>
    <message>
        <source>{n} optimizer</source>
        <translation>옵티마이저 {n}개</translation>
    </message>
    <message>
        <source>{n} optimizers</source>
        <translation>옵티마이저 {n}개</translation>
    </message>
    <message>
        <source>{n} loss</source>
        <translation>손실 함수 {n}개</translation>
    </message>
    <message>
        <source>{n} losses</source>
        <translation>손실 함수 {n}개</translation>
    </message>
    <message>
        <source>{n} scheduler</source>
        <translation>스케줄러 {n}개</translation>
    </message>
    <message>
        <source>{n} schedulers</source>
        <translation>스케줄러 {n}개</translation>
    </message>
    <message>
        <source>{n} callback</source>
        <translation>콜백 {n}개</translation>
    </message>
    <message>
        <source>{n} callbacks</source>
        <translation>콜백 {n}개</translation>
    </message>
    <message>
        <source>{n} metric</source>
        <translation>지표 {n}개</translation>
    </message>
    <message>
        <source>{n} metrics</source>
        <translation>지표 {n}개</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>What torchdesk is doing</source>
        <translation>torchdesk가 하고 있는 일</translation>
    </message>
    <message>
        <source>Device: …</source>
        <translation>장치: …</translation>
    </message>
    <message>
        <source>The compute device training uses by default</source>
        <translation>학습에 기본으로 쓰는 연산 장치</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open checkpoint…</source>
        <translation>체크포인트 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved checkpoint in the Checkpoints panel</source>
        <translation>저장된 체크포인트를 체크포인트 패널에서 엽니다</translation>
    </message>
    <message>
        <source>&amp;Save checkpoint…</source>
        <translation>체크포인트 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the current model in the Checkpoints panel</source>
        <translation>체크포인트 패널에서 현재 모델을 저장합니다</translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation>모델 열기(&amp;M)…</translation>
    </message>
    <message>
        <source>Look inside a TorchScript, torch.export (.pt2), ONNX, checkpoint or state-dict file in the Model panel</source>
        <translation>모델 패널에서 TorchScript, torch.export(.pt2), ONNX, 체크포인트 또는 state-dict 파일의 내용을 살펴봅니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Close torchdesk (asks first while training runs)</source>
        <translation>torchdesk를 닫습니다 (학습 중이면 먼저 묻습니다)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>테마(&amp;T)</translation>
    </message>
    <message>
        <source>Use the {theme} colour palette</source>
        <translation>{theme} 색상 팔레트 사용</translation>
    </message>
    <message>
        <source>&amp;Plugins</source>
        <translation>플러그인(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Plugins…</source>
        <translation>플러그인(&amp;P)…</translation>
    </message>
    <message>
        <source>List the installed plugins, what they provide and their errors</source>
        <translation>설치된 플러그인과 제공하는 것, 오류를 나열합니다</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About torchdesk</source>
        <translation>torchdesk 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Versions, devices and plugins</source>
        <translation>버전, 장치, 플러그인</translation>
    </message>
    <message>
        <source>&amp;Report a problem…</source>
        <translation>문제 보고(&amp;R)…</translation>
    </message>
    <message>
        <source>Copy the versions, plugins and the last log lines to the clipboard, to paste into a bug report</source>
        <translation>버전, 플러그인, 마지막 로그 줄을 클립보드에 복사해 버그 보고에 붙여 넣을 수 있게 합니다</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>시스템 ({language})</translation>
    </message>
    <message>
        <source>Show torchdesk in this language from the next start</source>
        <translation>다음 시작부터 torchdesk를 이 언어로 표시합니다</translation>
    </message>
    <message>
        <source>The language changes to {language} when torchdesk starts again.</source>
        <translation>torchdesk를 다시 시작하면 언어가 {language}(으)로 바뀝니다.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>torchdesk will be shown in {language} the next time it starts. Your work is not affected.</source>
        <translation>다음에 시작할 때 torchdesk가 {language}(으)로 표시됩니다. 작업에는 영향이 없습니다.</translation>
    </message>
    <message>
        <source>Loading plugins…</source>
        <translation>플러그인을 불러오는 중…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <source>The {panel} panel could not be opened: {error}</source>
        <translation>{panel} 패널을 열 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Show the {panel} panel</source>
        <translation>{panel} 패널 보기</translation>
    </message>
    <message>
        <source>The last settings of the {panel} panel could not be restored; it starts with its defaults.</source>
        <translation>{panel} 패널의 마지막 설정을 복원할 수 없어 기본값으로 시작합니다.</translation>
    </message>
    <message>
        <source>Device: unknown</source>
        <translation>장치: 알 수 없음</translation>
    </message>
    <message>
        <source>Could not inspect the devices: {error}</source>
        <translation>장치를 확인할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>CPU · training on {threads} of {available} threads</source>
        <translation>CPU · 스레드 {available}개 중 {threads}개로 학습</translation>
    </message>
    <message>
        <source>{threads}. torchdesk measures how many threads train fastest while other programs and tasks run; OMP_NUM_THREADS fixes it.</source>
        <translation>{threads}. torchdesk는 다른 프로그램과 작업이 실행되는 동안 몇 개의 스레드로 학습이 가장 빠른지 측정합니다. OMP_NUM_THREADS로 고정할 수 있습니다.</translation>
    </message>
    <message>
        <source>The {panel} panel is not available in this version.</source>
        <translation>이 버전에는 {panel} 패널이 없습니다.</translation>
    </message>
    <message>
        <source>The {panel} panel could not show that: {error}</source>
        <translation>{panel} 패널에서 그것을 보여 줄 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>Open a saved checkpoint</source>
        <translation>저장된 체크포인트를 엽니다</translation>
    </message>
    <message>
        <source>Open a saved checkpoint (needs the Checkpoints panel, which is not installed)</source>
        <translation>저장된 체크포인트를 엽니다 (체크포인트 패널이 필요하지만 설치되어 있지 않습니다)</translation>
    </message>
    <message>
        <source>Save the current model</source>
        <translation>현재 모델을 저장합니다</translation>
    </message>
    <message>
        <source>Save the current model (needs the Checkpoints panel, which is not installed)</source>
        <translation>현재 모델을 저장합니다 (체크포인트 패널이 필요하지만 설치되어 있지 않습니다)</translation>
    </message>
    <message>
        <source>A desktop workbench for PyTorch.</source>
        <translation>PyTorch를 위한 데스크톱 작업대.</translation>
    </message>
    <message>
        <source>unknown ({error})</source>
        <translation>알 수 없음 ({error})</translation>
    </message>
    <message>
        <source>Devices: {devices}</source>
        <translation>장치: {devices}</translation>
    </message>
    <message>
        <source>Plugins loaded: {active} of {total}</source>
        <translation>불러온 플러그인: {total}개 중 {active}개</translation>
    </message>
    <message>
        <source>Copied a problem report to the clipboard (versions, plugins, last log lines; the full log is {path}). Paste it into your bug report.</source>
        <translation>문제 보고를 클립보드에 복사했습니다 (버전, 플러그인, 마지막 로그 줄. 전체 로그는 {path}). 버그 보고에 붙여 넣으십시오.</translation>
    </message>
    <message>
        <source>About torchdesk</source>
        <translation>torchdesk 정보</translation>
    </message>
    <message>
        <source>{n} background task</source>
        <translation>백그라운드 작업 {n}개</translation>
    </message>
    <message>
        <source>{n} background tasks</source>
        <translation>백그라운드 작업 {n}개</translation>
    </message>
    <message>
        <source>Running now: {names}. Closing the window stops and waits for them.</source>
        <translation>지금 실행 중: {names}. 창을 닫으면 이 작업을 멈추고 끝날 때까지 기다립니다.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Stop and quit?</source>
        <translation>멈추고 끝낼까요?</translation>
    </message>
    <message>
        <source>Stop it and close torchdesk?</source>
        <translation>작업을 멈추고 torchdesk를 닫을까요?</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>멈추는 중…</translation>
    </message>
</context>
<context>
    <name>ModelChooser</name>
    <message>
        <source>A model from the plugins</source>
        <translation>플러그인의 모델</translation>
    </message>
    <message>
        <source>The app&apos;s current model</source>
        <translation>앱의 현재 모델</translation>
    </message>
    <message>
        <source>Inspect a freshly built model from the plugins, or the model the app is using now (the one training or loaded from a checkpoint).</source>
        <translation>플러그인으로 새로 만든 모델이나, 앱이 지금 쓰는 모델(학습 중이거나 체크포인트에서 불러온 모델)을 살펴봅니다.</translation>
    </message>
    <message>
        <source>Which model to build (every model any plugin offers).</source>
        <translation>만들 모델 (플러그인이 제공하는 모든 모델).</translation>
    </message>
    <message>
        <source>The dataset the model is for: it sets the input shape and class count, so the shapes shown are the real ones. Samples come from it too.</source>
        <translation>모델이 대상으로 하는 데이터셋: 입력 모양과 클래스 수를 정하므로 표시되는 모양이 실제 모양입니다. 샘플도 여기서 가져옵니다.</translation>
    </message>
    <message>
        <source>Input channels (set by the dataset; editable for a custom shape).</source>
        <translation>입력 채널 (데이터셋이 정함, 사용자 지정 모양이면 편집 가능).</translation>
    </message>
    <message>
        <source>Input height (set by the dataset; editable for a custom shape).</source>
        <translation>입력 높이 (데이터셋이 정함, 사용자 지정 모양이면 편집 가능).</translation>
    </message>
    <message>
        <source>Input width (set by the dataset; editable for a custom shape).</source>
        <translation>입력 너비 (데이터셋이 정함, 사용자 지정 모양이면 편집 가능).</translation>
    </message>
    <message>
        <source>Number of classes the model predicts (set by the dataset).</source>
        <translation>모델이 예측하는 클래스 수 (데이터셋이 정함).</translation>
    </message>
    <message>
        <source>Build and inspect</source>
        <translation>만들고 살펴보기</translation>
    </message>
    <message>
        <source>Build the model for this input and show it (Ctrl+Return).</source>
        <translation>이 입력에 맞게 모델을 만들고 보여 줍니다 (Ctrl+Return).</translation>
    </message>
    <message>
        <source>Choose a model and press Build.</source>
        <translation>모델을 고르고 만들기를 누르십시오.</translation>
    </message>
    <message>
        <source>Open model file…</source>
        <translation>모델 파일 열기…</translation>
    </message>
    <message>
        <source>Look inside a TorchScript (.pt), torch.export (.pt2), ONNX (.onnx), checkpoint or state-dict file. Nothing in it runs unless you trust it.</source>
        <translation>TorchScript(.pt), torch.export(.pt2), ONNX(.onnx), 체크포인트 또는 state-dict 파일의 내용을 살펴봅니다. 신뢰하지 않으면 그 안의 어떤 것도 실행되지 않습니다.</translation>
    </message>
    <message>
        <source>Use in Classify</source>
        <translation>분류에 사용</translation>
    </message>
    <message>
        <source>Make the opened file&apos;s model the app&apos;s current model, to draw on and predict with (its input must fit the images).</source>
        <translation>연 파일의 모델을 앱의 현재 모델로 만들어 그림을 그리고 예측합니다 (입력이 이미지에 맞아야 합니다).</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>출처:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>모델:</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>데이터셋:</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>클래스:</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>모델 파일</translation>
    </message>
    <message>
        <source>Custom shape</source>
        <translation>사용자 지정 모양</translation>
    </message>
    <message>
        <source>no model {id!r} in the registry</source>
        <translation>레지스트리에 모델 {id!r}이(가) 없습니다</translation>
    </message>
    <message>
        <source>no dataset {id!r} in the registry</source>
        <translation>레지스트리에 데이터셋 {id!r}이(가) 없습니다</translation>
    </message>
    <message>
        <source>No model plugin is loaded.</source>
        <translation>불러온 모델 플러그인이 없습니다.</translation>
    </message>
    <message>
        <source>Inspect the current model</source>
        <translation>현재 모델 살펴보기</translation>
    </message>
</context>
<context>
    <name>ModelController</name>
    <message>
        <source>The app has no current model yet: train one, load a checkpoint, or inspect a model from the plugins instead.</source>
        <translation>앱에 아직 현재 모델이 없습니다. 모델을 학습하거나, 체크포인트를 불러오거나, 대신 플러그인의 모델을 살펴보십시오.</translation>
    </message>
    <message>
        <source>Model panel: inspect {title}</source>
        <translation>모델 패널: {title} 살펴보기</translation>
    </message>
    <message>
        <source>Model panel: open {name}</source>
        <translation>모델 패널: {name} 열기</translation>
    </message>
</context>
<context>
    <name>ModelFileActions</name>
    <message>
        <source>Model files (*.pt *.pth *.pt2 *.onnx *.ts *.bin *.ckpt);;All files (*)</source>
        <translation>모델 파일 (*.pt *.pth *.pt2 *.onnx *.ts *.bin *.ckpt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{name}&lt;/b&gt; is a torch.export program. Looking at it ran nothing, but &lt;b&gt;using it loads it with torch.export.load, which can run Python code stored in the file&lt;/b&gt; (PyTorch&apos;s own documentation: never load one from an untrusted source).&lt;/p&gt;&lt;p&gt;Go on only if you made it yourself or trust where it came from.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{name}&lt;/b&gt;은(는) torch.export 프로그램입니다. 살펴볼 때는 아무것도 실행되지 않았지만, &lt;b&gt;사용하려면 torch.export.load로 불러와야 하며, 이때 파일에 저장된 Python 코드가 실행될 수 있습니다&lt;/b&gt; (PyTorch 문서: 신뢰할 수 없는 출처의 파일은 절대 불러오지 마십시오).&lt;/p&gt;&lt;p&gt;직접 만들었거나 출처를 신뢰할 때만 계속하십시오.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>모델 파일 열기</translation>
    </message>
    <message>
        <source>{name} was not opened: it runs code, and you did not trust it.</source>
        <translation>{name}을(를) 열지 않았습니다: 코드를 실행하는 파일이며 신뢰하지 않았습니다.</translation>
    </message>
    <message>
        <source>input {shape}</source>
        <translation>입력 {shape}</translation>
    </message>
    <message>
        <source>input shape unknown</source>
        <translation>입력 모양 알 수 없음</translation>
    </message>
    <message>
        <source>{title}: {params:,} parameters, {shape}.</source>
        <translation>{title}: 매개변수 {params:,}개, {shape}.</translation>
    </message>
    <message>
        <source>Loading {name} for Classify…</source>
        <translation>분류에 쓸 {name} 불러오는 중…</translation>
    </message>
    <message>
        <source>Model panel: use {name} in Classify</source>
        <translation>모델 패널: {name}을(를) 분류에 사용</translation>
    </message>
    <message>
        <source>{name} is the app&apos;s current model: draw on the Classify panel.</source>
        <translation>{name}이(가) 앱의 현재 모델입니다. 분류 패널에서 그림을 그려 보십시오.</translation>
    </message>
</context>
<context>
    <name>ModelGraphView</name>
    <message>
        <source>output {shape}</source>
        <translation>출력 {shape}</translation>
    </message>
    <message>
        <source>Click to see its weights and activations.</source>
        <translation>클릭하면 가중치와 활성화를 봅니다.</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>function</source>
        <translation>함수</translation>
    </message>
    <message>
        <source>tensor method</source>
        <translation>텐서 메서드</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Could not write the PNG to {path}: check that the folder exists and is writable.</source>
        <translation>PNG를 {path}에 쓸 수 없습니다. 폴더가 있고 쓸 수 있는지 확인하십시오.</translation>
    </message>
    <message>
        <source>Could not write the SVG to {path}: check that the folder exists and is writable.</source>
        <translation>SVG를 {path}에 쓸 수 없습니다. 폴더가 있고 쓸 수 있는지 확인하십시오.</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <source>Could not build the model: {reason}</source>
        <translation>모델을 만들 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>계층</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Training norms</source>
        <translation>학습 노름</translation>
    </message>
    <message>
        <source>Each layer&apos;s parameter and gradient norms, live while the current model trains.</source>
        <translation>현재 모델이 학습하는 동안 실시간으로 보여 주는 계층별 매개변수 노름과 변화도 노름.</translation>
    </message>
    <message>
        <source>No model plugin is loaded: run `torchdesk plugins` to see what failed.</source>
        <translation>불러온 모델 플러그인이 없습니다. `torchdesk plugins`를 실행해 무엇이 실패했는지 확인하십시오.</translation>
    </message>
    <message>
        <source>Building {title}…</source>
        <translation>{title} 만드는 중…</translation>
    </message>
    <message>
        <source>{title}: {params:,} parameters, {macs} MACs</source>
        <translation>{title}: 매개변수 {params:,}개, {macs} MACs</translation>
    </message>
    <message>
        <source>The sample input did not pass through: {error}</source>
        <translation>샘플 입력이 통과하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>Folder with the datasets</source>
        <translation>데이터셋이 있는 폴더</translation>
    </message>
    <message>
        <source>Nothing is drawn on the classify canvas yet.</source>
        <translation>분류 캔버스에 아직 그린 것이 없습니다.</translation>
    </message>
    <message>
        <source>Choose a dataset to take a sample from.</source>
        <translation>샘플을 가져올 데이터셋을 고르십시오.</translation>
    </message>
    <message>
        <source>random noise (seed {seed})</source>
        <translation>무작위 노이즈 (시드 {seed})</translation>
    </message>
    <message>
        <source>Showing random noise instead.</source>
        <translation>대신 무작위 노이즈를 보여 줍니다.</translation>
    </message>
    <message>
        <source>No activations: the sample does not fit the model (see above).</source>
        <translation>활성화 없음: 샘플이 모델에 맞지 않습니다 (위 참조).</translation>
    </message>
    <message>
        <source>{reason} Shown anyway, as asked: the activations are those of inputs the model was not made for.</source>
        <translation>{reason} 요청대로 그래도 표시합니다: 모델이 대상으로 하지 않는 입력의 활성화입니다.</translation>
    </message>
    <message>
        <source>Use {name}</source>
        <translation>{name} 사용</translation>
    </message>
    <message>
        <source>Take the samples from {name}, the data the model is for.</source>
        <translation>모델이 대상으로 하는 데이터인 {name}에서 샘플을 가져옵니다.</translation>
    </message>
    <message>
        <source>Show anyway</source>
        <translation>그래도 보기</translation>
    </message>
    <message>
        <source>Show the activations for this sample although the model was not made for it.</source>
        <translation>모델이 대상으로 하지 않는 샘플이지만 활성화를 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>NormsView</name>
    <message>
        <source>Norms appear here while a model trains (start a run in the training panel).</source>
        <translation>모델이 학습하는 동안 여기에 노름이 표시됩니다 (학습 패널에서 실행을 시작하십시오).</translation>
    </message>
    <message>
        <source>L2 norm</source>
        <translation>L2 노름</translation>
    </message>
    <message>
        <source>layer (input → output)</source>
        <translation>계층 (입력 → 출력)</translation>
    </message>
    <message>
        <source>Each layer&apos;s parameter norm (blue) and gradient norm (orange) after the latest step, on a log scale; the table below has the numbers and names.</source>
        <translation>최근 단계 후 각 계층의 매개변수 노름(파랑)과 변화도 노름(주황), 로그 눈금. 아래 표에 숫자와 이름이 있습니다.</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>변화도</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>계층</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Param norm</source>
        <translation>매개변수 노름</translation>
    </message>
    <message>
        <source>Grad norm</source>
        <translation>변화도 노름</translation>
    </message>
    <message>
        <source>Each layer that owns parameters, with the L2 norms of its weights and their gradients.</source>
        <translation>매개변수를 가진 각 계층과 그 가중치 및 변화도의 L2 노름.</translation>
    </message>
    <message>
        <source>(model)</source>
        <translation>(모델)</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>Choose a folder for {label}</source>
        <translation>{label}에 쓸 폴더 선택</translation>
    </message>
    <message>
        <source>Choose a file for {label}</source>
        <translation>{label}에 쓸 파일 선택</translation>
    </message>
    <message>
        <source>Range: {low} … {high}</source>
        <translation>범위: {low} … {high}</translation>
    </message>
    <message>
        <source>Default: {value}</source>
        <translation>기본값: {value}</translation>
    </message>
    <message>
        <source>No parameters</source>
        <translation>매개변수 없음</translation>
    </message>
    <message>
        <source>This component has nothing to set.</source>
        <translation>이 구성 요소는 설정할 것이 없습니다.</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>{name}: no such parameter any more</source>
        <translation>{name}: 더 이상 없는 매개변수입니다</translation>
    </message>
</context>
<context>
    <name>PickledModelDialog</name>
    <message>
        <source>Open the model in {name}</source>
        <translation>{name}의 모델 열기</translation>
    </message>
    <message>
        <source>Which data was this model trained on? It sets the image size the model receives and the class names shown.</source>
        <translation>이 모델은 어떤 데이터로 학습했습니까? 모델이 받는 이미지 크기와 표시되는 클래스 이름이 이에 따라 정해집니다.</translation>
    </message>
</context>
<context>
    <name>ProblemReport</name>
    <message>
        <source>torchdesk problem report</source>
        <translation>torchdesk 문제 보고</translation>
    </message>
    <message>
        <source>OS {name}</source>
        <translation>운영체제 {name}</translation>
    </message>
    <message>
        <source>Device {device}</source>
        <translation>장치 {device}</translation>
    </message>
    <message>
        <source>Plugins ({n}):</source>
        <translation>플러그인 ({n}):</translation>
    </message>
    <message>
        <source>Plugins: none loaded</source>
        <translation>플러그인: 불러온 것 없음</translation>
    </message>
    <message>
        <source>Last {n} log lines ({path}):</source>
        <translation>마지막 로그 {n}줄 ({path}):</translation>
    </message>
    <message>
        <source>The log is empty.</source>
        <translation>로그가 비어 있습니다.</translation>
    </message>
    <message>
        <source>not importable ({error})</source>
        <translation>가져올 수 없음 ({error})</translation>
    </message>
    <message>
        <source>unknown ({error})</source>
        <translation>알 수 없음 ({error})</translation>
    </message>
    <message>
        <source>could not be listed ({error})</source>
        <translation>나열할 수 없음 ({error})</translation>
    </message>
</context>
<context>
    <name>SampleView</name>
    <message>
        <source>Random noise</source>
        <translation>무작위 노이즈</translation>
    </message>
    <message>
        <source>Dataset test sample</source>
        <translation>데이터셋 테스트 샘플</translation>
    </message>
    <message>
        <source>The drawing (classify panel)</source>
        <translation>그림 (분류 패널)</translation>
    </message>
    <message>
        <source>What to feed the model to see each layer&apos;s activations.</source>
        <translation>각 계층의 활성화를 보기 위해 모델에 넣을 입력.</translation>
    </message>
    <message>
        <source>Which test sample of the dataset (0-based).</source>
        <translation>데이터셋의 몇 번째 테스트 샘플인지 (0부터 시작).</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <source>Another sample: the next dataset image, or new noise (Ctrl+N).</source>
        <translation>다른 샘플: 데이터셋의 다음 이미지 또는 새 노이즈 (Ctrl+N).</translation>
    </message>
    <message>
        <source>Data…</source>
        <translation>데이터…</translation>
    </message>
    <message>
        <source>The folder datasets are read from, in every panel (now {folder}).</source>
        <translation>모든 패널이 데이터셋을 읽는 폴더 (지금은 {folder}).</translation>
    </message>
    <message>
        <source>Nothing drawn on the classify canvas yet.</source>
        <translation>분류 캔버스에 아직 그린 것이 없습니다.</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <source>a screenshot&apos;s window size must be {low} to {high:,} pixels a side, got {width}×{height}</source>
        <translation>스크린샷 창 크기는 한 변이 {low}~{high:,} 픽셀이어야 하는데 {width}×{height}입니다</translation>
    </message>
    <message>
        <source>no panel called {panel!r}; panels: {panels}</source>
        <translation>{panel!r}(이)라는 패널이 없습니다. 패널: {panels}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>could not write the screenshot to {path}</source>
        <translation>스크린샷을 {path}에 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>StateDictDialog</name>
    <message>
        <source>The data the model was trained on: it sets the image size and the class names</source>
        <translation>모델을 학습한 데이터: 이미지 크기와 클래스 이름이 이에 따라 정해집니다</translation>
    </message>
    <message>
        <source>{name} ({shape}, {n} class)</source>
        <translation>{name} ({shape}, 클래스 {n}개)</translation>
    </message>
    <message>
        <source>{name} ({shape}, {n} classes)</source>
        <translation>{name} ({shape}, 클래스 {n}개)</translation>
    </message>
    <message>
        <source>Load weights from {name}</source>
        <translation>{name}에서 가중치 불러오기</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; holds weights only (a state dict, like the walkthrough&apos;s &lt;code&gt;model_weights.pth&lt;/code&gt;). Choose the model they were saved from.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;에는 가중치만 들어 있습니다 (튜토리얼의 &lt;code&gt;model_weights.pth&lt;/code&gt; 같은 state dict). 이 가중치를 저장한 모델을 고르십시오.</translation>
    </message>
    <message>
        <source>Trained on:</source>
        <translation>학습 데이터:</translation>
    </message>
    <message>
        <source>Why the weights do not fit the chosen model</source>
        <translation>가중치가 선택한 모델에 맞지 않는 이유</translation>
    </message>
    <message>
        <source>Keys or shapes that do not fit will be listed here.</source>
        <translation>맞지 않는 키나 모양이 여기에 나열됩니다.</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>불러오기</translation>
    </message>
    <message>
        <source>Build the chosen model and load these weights into it</source>
        <translation>선택한 모델을 만들고 이 가중치를 불러옵니다</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>모델:</translation>
    </message>
    <message>
        <source>These weights fit {model} with its default settings; it is selected.</source>
        <translation>이 가중치는 기본 설정의 {model}에 맞아 선택되어 있습니다.</translation>
    </message>
    <message>
        <source>weights {name}</source>
        <translation>가중치 {name}</translation>
    </message>
    <message>
        <source>The model could not be built: {error}</source>
        <translation>모델을 만들 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>These weights do not fit the chosen model.</source>
        <translation>이 가중치는 선택한 모델에 맞지 않습니다.</translation>
    </message>
    <message>
        <source>Missing in the file ({n}):</source>
        <translation>파일에 없음 ({n}):</translation>
    </message>
    <message>
        <source>In the file but not in the model ({n}):</source>
        <translation>파일에는 있지만 모델에는 없음 ({n}):</translation>
    </message>
    <message>
        <source>Different shapes ({n}):</source>
        <translation>모양이 다름 ({n}):</translation>
    </message>
    <message>
        <source>Choose the model (and its settings, such as the hidden width) these weights were saved from.</source>
        <translation>이 가중치를 저장한 모델(과 은닉 너비 같은 설정)을 고르십시오.</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>print(model): how PyTorch itself describes the model.</source>
        <translation>print(model): PyTorch가 직접 설명하는 모델.</translation>
    </message>
</context>
<context>
    <name>TaskManager</name>
    <message>
        <source>the app is closing; no new work is started</source>
        <translation>앱을 닫는 중이므로 새 작업을 시작하지 않습니다</translation>
    </message>
</context>
<context>
    <name>TrainingJob</name>
    <message>
        <source>Epoch {epoch}/{epochs}: train loss {train_loss:.4f}, test loss {test_loss:.4f}, test accuracy {accuracy:.2f}% ({seconds:.1f} s)</source>
        <translation>에폭 {epoch}/{epochs}: 학습 손실 {train_loss:.4f}, 테스트 손실 {test_loss:.4f}, 테스트 정확도 {accuracy:.2f}% ({seconds:.1f}초)</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>일시 정지했습니다.</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>다시 시작했습니다.</translation>
    </message>
    <message>
        <source>Stopped after {n} epoch.</source>
        <translation>{n} 에폭 후 멈췄습니다.</translation>
    </message>
    <message>
        <source>Stopped after {n} epochs.</source>
        <translation>{n} 에폭 후 멈췄습니다.</translation>
    </message>
    <message>
        <source>Finished: {n} epoch.</source>
        <translation>완료: {n} 에폭.</translation>
    </message>
    <message>
        <source>Finished: {n} epochs.</source>
        <translation>완료: {n} 에폭.</translation>
    </message>
    <message>
        <source>Failed: {message}</source>
        <translation>실패: {message}</translation>
    </message>
</context>
<context>
    <name>TrustDialog</name>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{name}&lt;/b&gt; is a whole pickled model (saved with &lt;code&gt;torch.save(model, …)&lt;/code&gt;), not just weights.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Opening it runs Python code stored in the file.&lt;/b&gt; A file made to harm you could delete or steal your files or install software, with your account&apos;s rights.&lt;/p&gt;&lt;p&gt;Open it only if you made it yourself or fully trust where it came from. Otherwise ask for a state dict (&lt;code&gt;torch.save(model.state_dict(), …)&lt;/code&gt;) or a torchdesk checkpoint, which open safely.&lt;/p&gt;&lt;p&gt;&lt;small&gt;{detail}&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{name}&lt;/b&gt;은(는) 가중치만이 아니라 (&lt;code&gt;torch.save(model, …)&lt;/code&gt;로 저장한) 피클된 전체 모델입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;이 파일을 열면 파일에 저장된 Python 코드가 실행됩니다.&lt;/b&gt; 악의적으로 만든 파일은 사용자 계정의 권한으로 파일을 지우거나 훔치거나 소프트웨어를 설치할 수 있습니다.&lt;/p&gt;&lt;p&gt;직접 만들었거나 출처를 완전히 신뢰할 때만 여십시오. 그렇지 않으면 안전하게 열리는 state dict(&lt;code&gt;torch.save(model.state_dict(), …)&lt;/code&gt;)나 torchdesk 체크포인트를 요청하십시오.&lt;/p&gt;&lt;p&gt;&lt;small&gt;{detail}&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>I trust this file — open it</source>
        <translation>이 파일을 신뢰합니다 — 열기</translation>
    </message>
    <message>
        <source>Don&apos;t open</source>
        <translation>열지 않기</translation>
    </message>
    <message>
        <source>I trust this file — load it</source>
        <translation>이 파일을 신뢰합니다 — 불러오기</translation>
    </message>
    <message>
        <source>Don&apos;t load</source>
        <translation>불러오지 않기</translation>
    </message>
    <message>
        <source>This file can run code</source>
        <translation>이 파일은 코드를 실행할 수 있습니다</translation>
    </message>
</context>
</TS>
